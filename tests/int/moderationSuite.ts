import fs from 'node:fs'

import { handleEndpoints, type Payload, type TypedUser } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { newEmails, outboxFiles } from './moderationOutbox'

type Role = 'admin' | 'editor' | 'owner' | 'resident'
type Id = number | string

/**
 * Moderation, run once per database on the demo territory: decisions through the real
 * REST endpoint as each role, the author's e-mail captured in the outbox, audit entries,
 * owners' edits flagged « modifié » with versions kept, and the moderation queue's scope.
 */
export function moderationSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let territoryName: string
  const users = {} as Record<Role, TypedUser>
  const tokens = {} as Record<Role, string>
  const communes = {} as Record<keyof typeof INSEE, Id>
  let category: Id
  let siretSeq = 500

  beforeAll(async () => {
    // Jobs run when the test says so (payload.jobs.run), never on a timer.
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    const { seedDemoIfEmpty } = await import('@/seed/demo')
    await seedDemoIfEmpty(payload, () => {})
    for (const role of ['admin', 'editor', 'owner', 'resident'] as const) {
      const found = await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS[role] } }, overrideAccess: true, depth: 0 })
      users[role] = { ...found.docs[0]!, collection: 'users' } as TypedUser
      const login = await payload.login({ collection: 'users', data: { email: DEMO_USERS[role], password: process.env.DEMO_PASSWORD! } })
      tokens[role] = login.token!
    }
    for (const [name, code] of Object.entries(INSEE) as Array<[keyof typeof INSEE, string]>) {
      communes[name] = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: code } }, overrideAccess: true })).docs[0]!.id
    }
    category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Jardinage, espaces verts' } }, overrideAccess: true })).docs[0]!.id
    territoryName = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })).docs[0]!.name
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  /** POST /api/moderation/decide through Payload's REST handler, as JSON or as the queue's HTML form. */
  async function decideAs(role: Role, body: Record<string, unknown>, as: 'json' | 'form' = 'json') {
    const headers: Record<string, string> = { Authorization: `JWT ${tokens[role]}` }
    let payloadBody: string
    if (as === 'json') {
      headers['Content-Type'] = 'application/json'
      payloadBody = JSON.stringify(body)
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      payloadBody = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString()
    }
    const request = new Request('http://localhost/api/moderation/decide', { method: 'POST', headers, body: payloadBody })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    return { status: response.status, location: response.headers.get('location'), json: text ? (JSON.parse(text) as any) : null }
  }

  async function ownerBusiness(name: string, commune: Id) {
    const { demoSiret } = await import('@/seed/luhn')
    return payload.create({
      collection: 'businesses',
      // An owner asking for « published » is ignored: the entry starts pending.
      data: {
        name,
        siret: demoSiret(++siretSeq),
        categories: [category as number],
        commune: commune as number,
        description: 'Une fiche déposée par son propriétaire.',
        status: 'published',
      },
      user: users.owner,
      overrideAccess: false,
    })
  }

  async function deliverEmails() {
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
  }

  async function auditOf(collection: string, id: Id) {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ collectionSlug: { equals: collection } }, { documentId: { equals: String(id) } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    return docs
  }

  it('fills the demo queue of the Grandvilliers secrétaire: pending entries and an owner’s edit', async () => {
    const { loadModerationQueue } = await import('@/moderation/queue')
    const queue = await loadModerationQueue(payload, users.editor)
    expect(queue.pending.map((e) => e.title)).toEqual(expect.arrayContaining(['Martin Traiteur', 'J’aide à faire ses démarches en ligne']))
    expect(queue.modified.map((e) => e.title)).toContain('Boulangerie Martin')
    expect(queue.counts.pending).toBe(queue.pending.length)
    const boulangerie = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Boulangerie Martin' } }, overrideAccess: true })).docs[0]!
    expect(boulangerie).toMatchObject({ status: 'published', reviewState: 'modified', moderationRank: 1 })
  })

  it('starts an owner’s new entry pending and sorts it first; an owner’s edit of a published one waits aside, is flagged « modifié » and versioned', async () => {
    const created = await ownerBusiness('Menuiserie Dupuis', communes.grandvilliers)
    expect(created).toMatchObject({ status: 'pending', moderationRank: 0 })
    const first = await payload.find({ collection: 'businesses', limit: 1, overrideAccess: true, sort: 'moderationRank' })
    expect(first.docs[0]!.status).toBe('pending')

    await payload.update({ collection: 'businesses', id: created.id, data: { status: 'published' }, overrideAccess: true, context: { skipNotify: true } })
    const edited = await payload.update({
      collection: 'businesses',
      id: created.id,
      data: { description: 'Nouvelle description écrite par le propriétaire.' },
      user: users.owner,
      overrideAccess: false,
    })
    expect(edited).toMatchObject({
      status: 'published',
      reviewState: 'modified',
      moderationRank: 1,
      description: 'Une fiche déposée par son propriétaire.',
      pendingChanges: { description: 'Nouvelle description écrite par le propriétaire.' },
    })
    const versions = await payload.findVersions({ collection: 'businesses', where: { parent: { equals: created.id } }, sort: '-updatedAt', overrideAccess: true })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
    expect(versions.docs.map((v) => v.version.description)).toContain('Une fiche déposée par son propriétaire.')
    expect((await auditOf('businesses', created.id)).map((a) => a.action)).toEqual(['create', 'approve', 'update'])
  })

  it('lets the secrétaire approve an entry of her commune in one request: published, audited with her name, owner e-mailed', async () => {
    const business = await ownerBusiness('Fromagerie du Bray', communes.grandvilliers)
    const before = outboxFiles(outbox)
    const res = await decideAs('editor', { action: 'approve', collection: 'businesses', id: business.id })
    expect(res.status).toBe(200)
    expect(res.json.message).toMatch(/« Fromagerie du Bray » est publiée/)
    const saved = await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })
    expect(saved).toMatchObject({ status: 'published', reviewState: 'ok', moderationRank: 2 })
    const audit = (await auditOf('businesses', business.id)).at(-1)!
    expect(audit).toMatchObject({ action: 'approve', user: users.editor.id, documentTitle: 'Fromagerie du Bray' })

    // The e-mail is a job: nothing is sent before the runner takes it.
    expect(newEmails(outbox, before)).toHaveLength(0)
    await deliverEmails()
    const mails = newEmails(outbox, before)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toContain(DEMO_USERS.owner)
    expect(mails[0]!.subject).toBe(`Votre fiche « Fromagerie du Bray » est publiée — Annuaire local — ${territoryName}`)
    expect(mails[0]!.text).toContain('vérifiée et publiée')
    expect(mails[0]!.html).toContain('<html lang="fr">')
  })

  it('refuses with a reason from the queue’s plain form: redirected back with the outcome, reason e-mailed and audited', async () => {
    const business = await ownerBusiness('Garage Fantôme', communes.hanvoile)
    const before = outboxFiles(outbox)
    const reason = 'Aucune adresse vérifiable : indiquez le numéro et la rue de l’atelier.'
    const res = await decideAs(
      'editor',
      { action: 'reject', collection: 'businesses', id: business.id, reason, redirect: '/admin/moderation?type=businesses' },
      'form',
    )
    expect(res.status).toBe(303)
    const location = new URL(res.location!, 'http://localhost')
    expect(location.pathname).toBe('/admin/moderation')
    expect(location.searchParams.get('type')).toBe('businesses')
    // A code and the entry, never text (docs/security.md): the queue writes the sentence itself.
    expect(location.searchParams.get('notice')).toBe('reject')
    expect(location.searchParams.get('item')).toBe(`businesses:${business.id}`)
    const { noticeText } = await import('@/moderation/notices')
    const shown = await noticeText(payload, users.editor, Object.fromEntries(location.searchParams))
    expect(shown?.tone).toBe('success')
    expect(shown?.text).toMatch(/^« Garage Fantôme » est refusée\. L’auteur reçoit la décision et son motif par e-mail\.$/)
    const saved = await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })
    expect(saved).toMatchObject({ status: 'rejected', rejectionReason: reason, moderationRank: 3 })
    expect((await auditOf('businesses', business.id)).at(-1)).toMatchObject({ action: 'reject', user: users.editor.id, details: reason })
    await deliverEmails()
    const mails = newEmails(outbox, before)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toContain(DEMO_USERS.owner)
    expect(mails[0]!.subject).toContain('« Garage Fantôme » n’a pas été publiée')
    expect(mails[0]!.text).toContain(reason)
  })

  it('sends a refused entry its owner corrects back to the queue as pending', async () => {
    const business = await ownerBusiness('Atelier à corriger', communes.grandvilliers)
    expect((await decideAs('editor', { action: 'reject', collection: 'businesses', id: business.id, reason: 'Indiquez l’adresse de l’atelier.' })).status).toBe(200)
    const corrected = await payload.update({
      collection: 'businesses',
      id: business.id,
      data: { street: '3 rue des Artisans', description: 'Adresse ajoutée après le refus.' },
      user: users.owner,
      overrideAccess: false,
    })
    expect(corrected).toMatchObject({ status: 'pending', reviewState: 'ok', moderationRank: 0, street: '3 rue des Artisans' })
    const { loadModerationQueue } = await import('@/moderation/queue')
    expect((await loadModerationQueue(payload, users.editor)).pending.map((e) => e.title)).toContain('Atelier à corriger')
  })

  it('refuses the secrétaire outside her communes, an owner, and a refusal without reason — nothing changes, nothing is sent', async () => {
    const formerie = await ownerBusiness('Boulangerie de Formerie', communes.formerie)
    await deliverEmails() // what earlier tests queued is not this test's
    const before = outboxFiles(outbox)
    const outside = await decideAs('editor', { action: 'approve', collection: 'businesses', id: formerie.id })
    expect(outside.status).toBe(403)
    expect(outside.json.errors[0].message).toMatch(/vos communes/)
    const own = await decideAs('owner', { action: 'approve', collection: 'businesses', id: formerie.id })
    expect(own.status).toBe(403)
    const mine = await ownerBusiness('Atelier sans motif', communes.grandvilliers)
    const noReason = await decideAs('editor', { action: 'reject', collection: 'businesses', id: mine.id, reason: ' ' })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors[0].message).toMatch(/motif du refus/)
    const formError = await decideAs('editor', { action: 'reject', collection: 'businesses', id: mine.id, reason: 'non', redirect: '/admin/moderation' }, 'form')
    expect(formError.status).toBe(303)
    const back = new URL(formError.location!, 'http://localhost')
    expect(back.searchParams.get('notice')).toBe('reason')
    expect(back.searchParams.get('reason')).toBe('non')
    expect(back.searchParams.get('open')).toBe(`businesses-${mine.id}`)
    const offsite = await decideAs('editor', { action: 'approve', collection: 'businesses', id: 'abc', redirect: 'https://evil.example/' }, 'form')
    expect(offsite.location).toMatch(/^\/admin\/moderation\?/)
    for (const id of [formerie.id, mine.id]) {
      expect((await payload.findByID({ collection: 'businesses', id, overrideAccess: true })).status).toBe('pending')
      expect((await auditOf('businesses', id)).map((a) => a.action)).toEqual(['create'])
    }
    await deliverEmails()
    expect(newEmails(outbox, before)).toHaveLength(0)

    // The territory administrator may decide there.
    const byAdmin = await decideAs('admin', { action: 'approve', collection: 'businesses', id: formerie.id })
    expect(byAdmin.status).toBe(200)
    await deliverEmails()
    expect(newEmails(outbox, before).map((m) => m.subject)).toEqual([expect.stringContaining('« Boulangerie de Formerie » est publiée')])
  })

  it('scopes the queue: the secrétaire sees her communes only, the administrator the whole territory', async () => {
    const formerie = await ownerBusiness('Cordonnerie de Formerie', communes.formerie)
    const { loadModerationQueue, countModerationQueue } = await import('@/moderation/queue')
    const editorQueue = await loadModerationQueue(payload, users.editor)
    const adminQueue = await loadModerationQueue(payload, users.admin)
    expect(editorQueue.pending.map((e) => e.id)).not.toContain(formerie.id)
    expect(adminQueue.pending.map((e) => e.id)).toContain(formerie.id)
    expect(adminQueue.counts.pending).toBeGreaterThan(editorQueue.counts.pending)
    expect(editorQueue.pending.every((e) => ['Grandvilliers', 'Hanvoile'].includes(e.communeName ?? ''))).toBe(true)
    const filtered = await loadModerationQueue(payload, users.admin, { collection: 'businesses', commune: communes.formerie })
    expect(filtered.pending.map((e) => e.title)).toEqual(['Cordonnerie de Formerie'])
    expect((await countModerationQueue(payload, users.owner)).total).toBe(0)
  })

  it('e-mails the mairie staff member who posted an announcement for a resident', async () => {
    const announcement = await payload.create({
      collection: 'announcements',
      data: {
        kind: 'need',
        title: 'Besoin d’aide pour porter du bois',
        body: 'Une habitante de Hanvoile cherche de l’aide pour rentrer deux stères de bois.',
        commune: communes.hanvoile as number,
        priceType: 'free',
        status: 'pending',
        onBehalfOf: { enabled: true, residentName: 'Mme Duval', residentPhone: '03 44 00 00 00' },
      },
      user: users.editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(announcement).toMatchObject({ status: 'pending', author: users.editor.id })
    const before = outboxFiles(outbox)
    const res = await decideAs('admin', { action: 'reject', collection: 'announcements', id: announcement.id, reason: 'Doublon d’une annonce déjà publiée.' })
    expect(res.status).toBe(200)
    await deliverEmails()
    const mails = newEmails(outbox, before).filter((m) => m.subject.includes('porter du bois'))
    expect(mails.map((m) => m.to)).toEqual([expect.stringContaining(DEMO_USERS.editor)])
    expect(mails[0]!.text).toContain('que vous avez déposée pour Mme Duval')
    expect(mails[0]!.text).toContain('Doublon d’une annonce déjà publiée.')
  })

  it('accepts an owner’s edit in one click (« reviewed » still works for API clients), and closes reports', async () => {
    const { MODIFIED_EXAMPLE } = await import('@/seed/examples')
    const boulangerie = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Boulangerie Martin' } }, overrideAccess: true })).docs[0]!
    expect(boulangerie.description).not.toBe(MODIFIED_EXAMPLE.description)
    expect(boulangerie.pendingChanges).toEqual({ description: MODIFIED_EXAMPLE.description })
    const reviewed = await decideAs('editor', { action: 'reviewed', collection: 'businesses', id: boulangerie.id })
    expect(reviewed.status).toBe(200)
    expect(await payload.findByID({ collection: 'businesses', id: boulangerie.id, overrideAccess: true })).toMatchObject({
      status: 'published',
      reviewState: 'ok',
      moderationRank: 2,
      description: MODIFIED_EXAMPLE.description,
      pendingChanges: null,
    })
    expect((await auditOf('businesses', boulangerie.id)).at(-1)).toMatchObject({ action: 'review', user: users.editor.id })
    const again = await decideAs('editor', { action: 'reviewed', collection: 'businesses', id: boulangerie.id })
    expect(again.status).toBe(409)

    const report = await payload.create({
      collection: 'reports',
      data: {
        target: { relationTo: 'businesses', value: boulangerie.id },
        reason: 'closed',
        status: 'open',
        message: 'Fermée depuis un mois.',
        territory: boulangerie.territory as number,
      },
      overrideAccess: true,
    })
    const { loadModerationQueue } = await import('@/moderation/queue')
    const queue = await loadModerationQueue(payload, users.editor)
    expect(queue.reports.map((r) => r.target?.title)).toContain('Boulangerie Martin')
    const closed = await decideAs('editor', { action: 'resolveReport', collection: 'reports', id: report.id })
    expect(closed.status).toBe(200)
    expect((await payload.findByID({ collection: 'reports', id: report.id, overrideAccess: true })).status).toBe('resolved')
    expect((await decideAs('resident', { action: 'dismissReport', collection: 'reports', id: report.id })).status).toBe(403)
  })

  /** Payload's REST API through its real handler, as a role or anonymously. */
  async function rest(role: Role | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {}
    if (role) headers.Authorization = `JWT ${tokens[role]}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const request = new Request(`http://localhost/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as any) : null }
  }

  /** A GraphQL query on Payload's own schema, as an anonymous visitor. */
  async function anonymousGraphql(source: string) {
    const [{ configToSchema }, { graphql }, { createLocalReq }] = await Promise.all([import('@payloadcms/graphql'), import('graphql'), import('payload')])
    const { schema } = configToSchema(payload.config)
    const req = await createLocalReq({}, payload)
    req.payloadAPI = 'GraphQL'
    const result = await graphql({ schema, source, contextValue: { req, headers: {} } })
    expect(result.errors).toBeUndefined()
    return result.data as any
  }

  /** Titles of the entries the public search finds for these words. */
  async function searchTitles(text: string, territory: Id) {
    const { getSearchEngine } = await import('@/search')
    const result = await getSearchEngine(payload).search({ territory, text, limit: 20 })
    return result.hits.map((h) => h.title)
  }

  /** What an anonymous visitor reads of a business, by REST (one and list) and GraphQL. */
  async function publicBusiness(id: Id) {
    const one = await rest(null, 'GET', `/businesses/${id}?depth=0`)
    const list = await rest(null, 'GET', `/businesses?where[id][equals]=${id}&depth=0`)
    const gql = await anonymousGraphql(`{ Business(id: ${id}) { description phone pendingChanges reviewState } }`)
    expect(one.status).toBe(200)
    return { rest: one.json, list: list.json.docs[0], graphql: gql.Business }
  }

  async function publishedOwnerBusiness(name: string, description: string, phone: string) {
    const business = await ownerBusiness(name, communes.grandvilliers)
    expect((await decideAs('editor', { action: 'approve', collection: 'businesses', id: business.id })).status).toBe(200)
    // A secrétaire's edit goes online at once.
    const staffEdit = await rest('editor', 'PATCH', `/businesses/${business.id}`, { description, phone })
    expect(staffEdit.status).toBe(200)
    expect(staffEdit.json.doc).toMatchObject({ description, phone, reviewState: 'ok', pendingChanges: null })
    await deliverEmails()
    return business
  }

  it('keeps an owner’s new description and phone off REST, GraphQL and search until the secrétaire accepts them', async () => {
    const approved = 'Quincaillerie et outillage, clés minute et affûtage.'
    const proposed = 'Quincaillerie zygomorphe : venez découvrir nos nouveautés.'
    const business = await publishedOwnerBusiness('Quincaillerie Lenoir', approved, '03 44 46 00 00')
    const territory = (typeof business.territory === 'object' ? business.territory?.id : business.territory) as Id
    expect(await searchTitles('affûtage', territory)).toContain('Quincaillerie Lenoir')

    // The owner edits through the REST API: saved, but only aside.
    const edit = await rest('owner', 'PATCH', `/businesses/${business.id}`, { description: proposed, phone: '06 12 34 56 78' })
    expect(edit.status).toBe(200)
    expect(edit.json.doc).toMatchObject({
      description: approved,
      phone: '03 44 46 00 00',
      status: 'published',
      reviewState: 'modified',
      pendingChanges: { description: proposed, phone: '06 12 34 56 78' },
    })

    const before = await publicBusiness(business.id)
    for (const view of [before.rest, before.list, before.graphql]) {
      expect(view).toMatchObject({ description: approved, phone: '03 44 46 00 00' })
      expect(view.pendingChanges ?? null).toBeNull()
    }
    expect(await searchTitles('zygomorphe', territory)).toEqual([])
    expect(await searchTitles('affûtage', territory)).toContain('Quincaillerie Lenoir')
    // Nor can a visitor select the proposal or probe it with a filter.
    const selected = await rest(null, 'GET', `/businesses/${business.id}?select[pendingChanges]=true&depth=0`)
    expect(JSON.stringify(selected.json)).not.toContain('zygomorphe')
    const probe = await rest(null, 'GET', `/businesses?where[and][0][id][equals]=${business.id}&where[and][1][pendingChanges.description][like]=zygomorphe&depth=0`)
    expect(probe.json?.docs ?? []).toHaveLength(0)
    expect(JSON.stringify(probe.json)).not.toContain('zygomorphe')

    // The owner's own forms show what they proposed, with a clear state.
    const { findOwnProfile } = await import('@/contributions/profiles')
    const { pendingChangesState } = await import('@/moderation/pendingChanges')
    const own = await findOwnProfile(payload, users.owner as never, 'businesses', String(business.id))
    expect(own).toMatchObject({ description: proposed, phone: '06 12 34 56 78' })
    expect(pendingChangesState(own)).toEqual({ pending: true, label: 'Modifications en attente de validation', fields: ['description', 'phone'] })

    // The secrétaire sees each change, by its French label.
    const { loadModerationQueue } = await import('@/moderation/queue')
    const entry = (await loadModerationQueue(payload, users.editor)).modified.find((e) => e.id === business.id)
    expect(entry?.changes).toEqual([
      {
        name: 'description',
        label: 'Description',
        before: approved,
        after: proposed,
        // A sentence, word by word (not letter by letter): what was removed, what was added.
        words: [
          { text: 'Quincaillerie', change: 'same' },
          { text: 'et outillage, clés minute et affûtage.', change: 'removed' },
          { text: 'zygomorphe : venez découvrir nos nouveautés.', change: 'added' },
        ],
      },
      { name: 'phone', label: 'Téléphone (publié)', before: '03 44 46 00 00', after: '06 12 34 56 78' },
    ])
    // Who changed it (the owner, from the audit log) and when.
    expect(entry?.changedBy).toEqual({ name: 'Thomas Martin (boulangerie)', role: 'propriétaire', at: expect.any(String) })

    const before2 = outboxFiles(outbox)
    const accepted = await decideAs('editor', { action: 'approve', collection: 'businesses', id: business.id })
    expect(accepted.status).toBe(200)
    expect(accepted.json.message).toMatch(/Les modifications de « Quincaillerie Lenoir » sont en ligne/)
    const after = await publicBusiness(business.id)
    for (const view of [after.rest, after.list, after.graphql]) expect(view).toMatchObject({ description: proposed, phone: '06 12 34 56 78' })
    expect(after.rest).toMatchObject({ status: 'published' })
    // The moderation state is the staff's (and the owner's): not in the public answer.
    expect(after.rest).not.toHaveProperty('reviewState')
    expect(await searchTitles('zygomorphe', territory)).toContain('Quincaillerie Lenoir')
    expect(await searchTitles('affûtage', territory)).toEqual([])
    expect((await auditOf('businesses', business.id)).at(-1)).toMatchObject({
      action: 'review',
      user: users.editor.id,
      details: 'Modifications du propriétaire acceptées : Description, Téléphone (publié)',
    })
    await deliverEmails()
    const mails = newEmails(outbox, before2)
    expect(mails.map((m) => m.subject)).toEqual([`Vos modifications de la fiche « Quincaillerie Lenoir » sont en ligne — Annuaire local — ${territoryName}`])
    expect(mails[0]!.to).toContain(DEMO_USERS.owner)
    expect((await loadModerationQueue(payload, users.editor)).modified.map((e) => e.id)).not.toContain(business.id)
  })

  it('drops refused changes: the approved version stays online and the owner learns why', async () => {
    const approved = 'Salon de coiffure mixte, avec ou sans rendez-vous.'
    const business = await publishedOwnerBusiness('Salon Coupe Nette', approved, '03 44 46 11 11')
    const spam = await rest('owner', 'PATCH', `/businesses/${business.id}`, { description: 'Casino en ligne : gagnez gros sur www.example.invalid', website: 'https://example.invalid/' })
    expect(spam.status).toBe(200)
    const before = outboxFiles(outbox)
    const reason = 'Publicité sans rapport avec le salon.'
    const refused = await decideAs('editor', { action: 'reject', collection: 'businesses', id: business.id, reason })
    expect(refused.status).toBe(200)
    expect(refused.json.message).toMatch(/Les modifications de « Salon Coupe Nette » ne sont pas gardées : la version approuvée reste en ligne/)
    const view = await publicBusiness(business.id)
    for (const v of [view.rest, view.list, view.graphql]) expect(v).toMatchObject({ description: approved, phone: '03 44 46 11 11' })
    expect(view.rest.website ?? null).toBeNull()
    const saved = await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })
    expect(saved).toMatchObject({ status: 'published', reviewState: 'ok', pendingChanges: null, description: approved })
    const territory = (typeof business.territory === 'object' ? business.territory?.id : business.territory) as Id
    expect(await searchTitles('coiffure', territory)).toContain('Salon Coupe Nette')
    expect(await searchTitles('casino', territory)).toEqual([])
    expect((await auditOf('businesses', business.id)).at(-1)).toMatchObject({ action: 'review', details: `Modifications du propriétaire refusées : ${reason}` })
    await deliverEmails()
    const mails = newEmails(outbox, before)
    expect(mails.map((m) => m.subject)).toEqual([`Vos modifications de la fiche « Salon Coupe Nette » n’ont pas été publiées — Annuaire local — ${territoryName}`])
    expect(mails[0]!.text).toContain(reason)
    expect(mails[0]!.text).toContain('La version approuvée reste en ligne')
  })

  it('validates a proposal at once, keeps it when another form is saved, and forgets a field changed back', async () => {
    const approved = 'Cordonnerie, clés et tampons.'
    const business = await publishedOwnerBusiness('Cordonnerie Petit', approved, '03 44 46 22 22')
    const invalid = await rest('owner', 'PATCH', `/businesses/${business.id}`, { phone: 'pas un numéro' })
    expect(invalid.status).toBe(400)
    expect(JSON.stringify(invalid.json.errors)).toMatch(/Téléphone/)
    expect((await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })).pendingChanges ?? null).toBeNull()
    // The address that receives the relay's messages is never public: it changes at once.
    await payload.update({ collection: 'businesses', id: business.id, data: { email: 'atelier@cordonnerie-petit.example' }, user: users.owner, overrideAccess: false })
    expect(await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })).toMatchObject({
      email: 'atelier@cordonnerie-petit.example',
      pendingChanges: null,
      reviewState: 'ok',
    })

    await payload.update({ collection: 'businesses', id: business.id, data: { description: 'Cordonnerie, clés, tampons et gravure.' }, user: users.owner, overrideAccess: false })
    const { saveOwnProfile } = await import('@/contributions/profiles')
    const hours = { weekly: [{ day: 'monday' as const, opens: '09:00', closes: '12:00' }] }
    expect(await saveOwnProfile(payload, users.owner as never, 'businesses', business.id, { openingHours: hours })).toEqual({ ok: true })
    let saved = await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })
    expect(saved.description).toBe(approved)
    expect(Object.keys(saved.pendingChanges as object).sort()).toEqual(['description', 'openingHours'])
    expect(saved.openingHours?.weekly ?? []).toHaveLength(0)

    await payload.update({ collection: 'businesses', id: business.id, data: { description: approved }, user: users.owner, overrideAccess: false })
    saved = await payload.findByID({ collection: 'businesses', id: business.id, overrideAccess: true })
    expect(Object.keys(saved.pendingChanges as object)).toEqual(['openingHours'])
    expect(saved.reviewState).toBe('modified')
    // The queue reads the hours day by day, as a person writes them (issue 19), not slot by slot.
    const { describeChanges } = await import('@/moderation/changes')
    const lines = await describeChanges(payload, 'businesses', saved as never)
    expect(lines).toEqual([{ name: 'openingHours', label: expect.any(String), before: 'lundi fermé', after: 'lundi 9h–12h' }])
  })

  it('keeps an announcement’s author from slipping a phone number or an insult into it after approval', async () => {
    const body = 'Je propose de tondre les pelouses des personnes âgées de Grandvilliers, le samedi.'
    const created = await payload.create({
      collection: 'announcements',
      data: { kind: 'offer', title: 'Tonte de pelouse le samedi', body, commune: communes.grandvilliers as number, priceType: 'free', status: 'pending' },
      user: users.resident,
      overrideAccess: false,
      depth: 0,
    })
    expect(created.status).toBe('pending')
    expect((await decideAs('editor', { action: 'approve', collection: 'announcements', id: created.id })).status).toBe(200)
    const territory = created.territory as Id
    for (const added of [' Appelez-moi au 06 12 34 56 78.', ' Bande de crétins, lisez mieux.']) {
      // Another rule may refuse such text outright; either way it must never be public.
      await payload
        .update({ collection: 'announcements', id: created.id, data: { body: `${body}${added}` }, user: users.resident, overrideAccess: false })
        .catch((error: unknown) => expect((error as Error).name).toBe('ValidationError'))
      const one = await rest(null, 'GET', `/announcements/${created.id}?depth=0`)
      expect(one.status).toBe(200)
      expect(one.json.body).toBe(body)
      expect(one.json.pendingChanges ?? null).toBeNull()
      const gql = await anonymousGraphql(`{ Announcement(id: ${created.id}) { body } }`)
      expect(gql.Announcement.body).toBe(body)
    }
    expect(await searchTitles('crétins', territory)).toEqual([])
    expect(await searchTitles('tondre', territory)).toContain('Tonte de pelouse le samedi')
  })

  it('keeps a failed e-mail in the jobs queue and delivers it on retry', async () => {
    const business = await ownerBusiness('Ébénisterie Leroux', communes.grandvilliers)
    const before = outboxFiles(outbox)
    expect((await decideAs('editor', { action: 'approve', collection: 'businesses', id: business.id })).status).toBe(200)
    // The mail server is down: the outbox folder cannot be written.
    const aside = `${outbox}.aside`
    fs.renameSync(outbox, aside)
    fs.writeFileSync(outbox, 'not a folder')
    try {
      await deliverEmails()
    } finally {
      fs.rmSync(outbox)
      fs.renameSync(aside, outbox)
    }
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, overrideAccess: true, depth: 0 })
    const failed = docs.filter((j) => (j.input as { subject?: string }).subject?.includes('Ébénisterie Leroux'))
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ totalTried: 1, hasError: false, processing: false })
    expect(new Date(String(failed[0]!.waitUntil)).getTime()).toBeGreaterThan(Date.now())
    expect(newEmails(outbox, before)).toHaveLength(0)

    // When the retry time comes, the runner sends it and removes the job.
    await payload.update({ collection: 'payload-jobs', id: failed[0]!.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    await deliverEmails()
    expect(newEmails(outbox, before).map((m) => m.subject)).toEqual([expect.stringContaining('Ébénisterie Leroux')])
    expect((await payload.count({ collection: 'payload-jobs', where: { id: { equals: failed[0]!.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })
}

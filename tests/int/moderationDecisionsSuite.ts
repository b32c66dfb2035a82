/**
 * Moderation decisions (moderationSuite.ts): the demo queue, an owner's new entry, approvals
 * and refusals through the real endpoint as each role with the author's e-mail and the audit
 * entry, the queue's scope, entries of another territory, posts for a resident, reports, and
 * a failed e-mail delivered on retry.
 */
import fs from 'node:fs'

import type { Payload } from 'payload'

import { DEMO_USERS } from '../support/fixtures'
import type { Id, ModerationHarness } from './moderationHarness'
import { newEmails, outboxFiles } from './moderationOutbox'

/** Decisions through the real endpoint as each role: the queue, approvals, refusals, scope, e-mails and reports. */
export function moderationDecisionTests(h: ModerationHarness) {
  const { users, communes, decideAs, ownerBusiness, deliverEmails, auditOf } = h
  let payload: Payload
  let outbox: string
  let territoryName: string
  let category: Id
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox, territoryName, category } = h)
  })

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
    const { loadModerationQueue } = await import('@/moderation/queue')
    const card = (await loadModerationQueue(payload, users.editor)).pending.find((e) => e.id === created.id)
    expect(card?.submittedBy).toBe(users.owner.name)
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

  it('answers an entry of another territory as if it did not exist: 404, nothing changes', async () => {
    const sologne = (await payload.find({ collection: 'territories', where: { epciCode: { not_equals: '246000848' } }, limit: 1, overrideAccess: true })).docs[0]!
    const commune = (await payload.find({ collection: 'communes', where: { territory: { equals: sologne.id } }, limit: 1, overrideAccess: true })).docs[0]!
    const { demoSiret } = await import('@/seed/luhn')
    const elsewhere = async (name: string, status: 'pending' | 'published') =>
      payload.create({
        collection: 'businesses',
        data: { name, siret: demoSiret(++h.siretSeq), categories: [category as number], commune: commune.id, description: 'Une fiche d’un autre territoire.', status },
        overrideAccess: true,
        context: { skipNotify: true },
      })
    const pending = await elsewhere('Menuiserie de Sologne', 'pending')
    const published = await elsewhere('Épicerie de Sologne', 'published')
    const missing = await decideAs('admin', { action: 'approve', collection: 'businesses', id: 987_654 })
    expect(missing.status).toBe(404)
    const answers = [
      await decideAs('editor', { action: 'approve', collection: 'businesses', id: pending.id }),
      await decideAs('admin', { action: 'approve', collection: 'businesses', id: pending.id }),
      // Published, hence readable by anyone: still not said to exist for moderation.
      await decideAs('admin', { action: 'reject', collection: 'businesses', id: published.id, reason: 'Cette fiche n’a rien à faire ici.' }),
    ]
    expect(answers).toEqual(answers.map(() => missing))
    const form = await decideAs('admin', { action: 'approve', collection: 'businesses', id: pending.id, redirect: '/admin/moderation' }, 'form')
    expect(new URL(form.location!, 'http://localhost').searchParams.get('notice')).toBe('not-found')
    expect((await payload.findByID({ collection: 'businesses', id: pending.id, overrideAccess: true })).status).toBe('pending')
    expect((await payload.findByID({ collection: 'businesses', id: published.id, overrideAccess: true })).status).toBe('published')
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
    // The queue says who sent it: the secrétaire's account, for the resident.
    const { loadModerationQueue } = await import('@/moderation/queue')
    const card = (await loadModerationQueue(payload, users.admin)).pending.find((e) => e.id === announcement.id)
    expect(card?.submittedBy).toBe(`${users.editor.name}, pour Mme Duval (habitant sans internet)`)
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
}

/** An e-mail that fails stays in the jobs queue and goes on retry. */
export function emailRetryTests(h: ModerationHarness) {
  const { communes, decideAs, ownerBusiness, deliverEmails } = h
  let payload: Payload
  let outbox: string
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox } = h)
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

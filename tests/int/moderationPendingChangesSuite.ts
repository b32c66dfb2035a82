/**
 * Owners' edits of a published entry (moderationSuite.ts): the approved version stays on
 * REST, GraphQL and search while the proposal waits; the secrétaire sees each change and
 * accepts or refuses it; proposals are validated at once; announcements cannot slip contact
 * details or insults in after approval.
 */
import type { Payload } from 'payload'

import { DEMO_USERS } from '../support/fixtures'
import type { Id, ModerationHarness } from './moderationHarness'
import { newEmails, outboxFiles } from './moderationOutbox'

/** An owner’s edits of a published entry: kept aside, off every public channel, until a moderator decides. */
export function pendingChangesTests(h: ModerationHarness) {
  const { users, communes, decideAs, deliverEmails, auditOf, rest, anonymousGraphql, searchTitles, publicBusiness, publishedOwnerBusiness } = h
  let payload: Payload
  let outbox: string
  let territoryName: string
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox, territoryName } = h)
  })

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
}

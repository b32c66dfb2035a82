import { type Payload, type TypedUser } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { newEmails, outboxFiles } from './moderationOutbox'

type Id = number | string
const DAY = 24 * 60 * 60 * 1000

/**
 * The scheduled announcement tasks, run once per database on the demo territory: archiving
 * expired announcements (only those), warning authors once seven days before, and the
 * daily schedule itself.
 */
export function jobsSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let resident: TypedUser
  let editor: TypedUser
  let commune: Id
  let territory: Id
  let n = 0

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    const userOf = async (email: string) =>
      ({ ...(await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]!, collection: 'users' }) as TypedUser
    resident = await userOf(DEMO_USERS.resident)
    editor = await userOf(DEMO_USERS.editor)
    const c = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.hanvoile } }, overrideAccess: true, depth: 0 })).docs[0]!
    commune = c.id
    territory = c.territory as Id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  async function announcement(data: { status: string; expiresAt?: Date; author?: TypedUser; onBehalfOf?: string }) {
    return payload.create({
      collection: 'announcements',
      data: {
        kind: 'offer',
        title: `Annonce de test ${++n}`,
        body: 'Une annonce créée pour vérifier les tâches planifiées.',
        commune: commune as number,
        priceType: 'free',
        status: data.status as 'published',
        expiresAt: data.expiresAt?.toISOString(),
        author: (data.author ?? resident).id as number,
        onBehalfOf: data.onBehalfOf ? { enabled: true, residentName: data.onBehalfOf } : undefined,
      },
      overrideAccess: true,
      depth: 0,
      context: { skipAudit: true },
    })
  }

  async function statusOf(id: Id) {
    return (await payload.findByID({ collection: 'announcements', id, overrideAccess: true, depth: 0 })).status
  }

  it('sets the expiry from the territory’s lifetime: 60 days by default, as configured otherwise', async () => {
    const before = Date.now()
    const byDefault = await payload.create({
      collection: 'announcements',
      data: { kind: 'need', title: 'Cherche un covoiturage', body: 'Pour aller au marché de Grandvilliers le mercredi.', commune: commune as number, priceType: 'free', status: 'published' },
      user: resident,
      overrideAccess: false,
      depth: 0,
    })
    expect(byDefault.status).toBe('pending')
    const days = (new Date(byDefault.expiresAt!).getTime() - before) / DAY
    expect(days).toBeGreaterThan(59.9)
    expect(days).toBeLessThan(60.1)
    await payload.update({ collection: 'territories', id: territory, data: { settings: { announcementLifetimeDays: 30 } }, overrideAccess: true })
    try {
      const shorter = await payload.create({
        collection: 'announcements',
        data: { kind: 'need', title: 'Cherche un covoiturage bis', body: 'Pour aller au marché de Grandvilliers le jeudi.', commune: commune as number, priceType: 'free', status: 'published' },
        user: resident,
        overrideAccess: false,
        depth: 0,
      })
      expect((new Date(shorter.expiresAt!).getTime() - before) / DAY).toBeLessThan(30.1)
    } finally {
      await payload.update({ collection: 'territories', id: territory, data: { settings: { announcementLifetimeDays: 60 } }, overrideAccess: true })
    }
  })

  it('archives only the expired announcements (published or pending), audited as automatic', async () => {
    const { archiveExpiredAnnouncements } = await import('@/jobs/archiveExpiredAnnouncements')
    const now = new Date()
    const expired = await announcement({ status: 'published', expiresAt: new Date(now.getTime() - DAY) })
    const expiredPending = await announcement({ status: 'pending', expiresAt: new Date(now.getTime() - 2 * DAY) })
    const current = await announcement({ status: 'published', expiresAt: new Date(now.getTime() + 30 * DAY) })
    const refused = await announcement({ status: 'rejected', expiresAt: new Date(now.getTime() - DAY) })
    const result = await archiveExpiredAnnouncements(payload, { now })
    expect(result.failed).toBe(0)
    expect(result.archived).toBeGreaterThanOrEqual(2)
    expect(await statusOf(expired.id)).toBe('archived')
    expect(await statusOf(expiredPending.id)).toBe('archived')
    expect(await statusOf(current.id)).toBe('published')
    expect(await statusOf(refused.id)).toBe('rejected')
    const audit = await payload.find({
      collection: 'audit-log',
      where: { and: [{ collectionSlug: { equals: 'announcements' } }, { documentId: { equals: String(expired.id) } }] },
      overrideAccess: true,
      depth: 0,
    })
    expect(audit.docs).toHaveLength(1)
    expect(audit.docs[0]).toMatchObject({ action: 'archive', user: null, details: expect.stringContaining('Archivage automatique') })
    expect((await archiveExpiredAnnouncements(payload, { now })).archived).toBe(0)
    // Archived announcements leave the public site.
    const publicRead = await payload.find({ collection: 'announcements', where: { id: { equals: expired.id } }, overrideAccess: false })
    expect(publicRead.totalDocs).toBe(0)
  })

  it('runs the archiving through the jobs queue too', async () => {
    const expired = await announcement({ status: 'published', expiresAt: new Date(Date.now() - 1000) })
    await payload.jobs.queue({ task: 'archiveExpiredAnnouncements', input: {} })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect(await statusOf(expired.id)).toBe('archived')
  })

  it('warns each author once, seven days before expiry; the mairie for an announcement it posted for a resident', async () => {
    const { warnExpiringAnnouncements } = await import('@/jobs/warnExpiringAnnouncements')
    const now = new Date()
    const soon = await announcement({ status: 'published', expiresAt: new Date(now.getTime() + 5 * DAY) })
    const later = await announcement({ status: 'published', expiresAt: new Date(now.getTime() + 10 * DAY) })
    const forResident = await announcement({ status: 'published', expiresAt: new Date(now.getTime() + 3 * DAY), author: editor, onBehalfOf: 'M. Petit' })
    const pending = await announcement({ status: 'pending', expiresAt: new Date(now.getTime() + 2 * DAY) })
    const before = outboxFiles(outbox)

    const first = await warnExpiringAnnouncements(payload, { now })
    expect(first).toMatchObject({ warned: 2, failed: 0 })
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    const mails = newEmails(outbox, before)
    const bySubject = (title: string) => mails.filter((m) => m.subject.includes(`« ${title} »`))
    expect(bySubject(soon.title)).toHaveLength(1)
    expect(bySubject(soon.title)[0]!.to).toContain(DEMO_USERS.resident)
    expect(bySubject(soon.title)[0]!.subject).toMatch(/^Votre annonce « .+ » expire le \d{2}\/\d{2}\/\d{4} — Annuaire local — /)
    expect(bySubject(forResident.title)[0]!.to).toContain(DEMO_USERS.editor)
    expect(bySubject(forResident.title)[0]!.text).toContain('déposée pour M. Petit')
    expect(bySubject(later.title)).toHaveLength(0)
    expect(bySubject(pending.title)).toHaveLength(0)
    const saved = await payload.findByID({ collection: 'announcements', id: soon.id, overrideAccess: true })
    expect(saved.expiryWarningSentAt).toBeTruthy()

    // Once only, even if the task runs again the same day.
    const again = outboxFiles(outbox)
    expect((await warnExpiringAnnouncements(payload, { now })).warned).toBe(0)
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    expect(newEmails(outbox, again)).toHaveLength(0)

    // Four days later, the other one enters the seven-day window.
    const fourDaysLater = await warnExpiringAnnouncements(payload, { now: new Date(now.getTime() + 4 * DAY) })
    expect(fourDaysLater.warned).toBe(1)
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    expect(newEmails(outbox, again).map((m) => m.subject)).toEqual([expect.stringContaining(`« ${later.title} »`)])

    // An author who extends the announcement is warned again before the new date.
    await payload.update({ collection: 'announcements', id: soon.id, data: { expiresAt: new Date(now.getTime() + 12 * DAY).toISOString() }, overrideAccess: true })
    const afterExtension = outboxFiles(outbox)
    const sixDaysLater = await warnExpiringAnnouncements(payload, { now: new Date(now.getTime() + 6 * DAY) })
    expect(sixDaysLater.warned).toBe(1)
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    expect(newEmails(outbox, afterExtension).map((m) => m.subject)).toEqual([expect.stringContaining(`« ${soon.title} »`)])
  })

  it('schedules both tasks daily on the « daily » queue', async () => {
    const tasks = payload.config.jobs.tasks ?? []
    for (const slug of ['archiveExpiredAnnouncements', 'warnExpiringAnnouncements']) {
      const task = tasks.find((t) => t.slug === slug)
      expect(task?.schedule?.[0]).toMatchObject({ queue: 'daily', cron: expect.stringMatching(/^\d+ \d+ \d+ \* \* \*$/) })
    }
    const result = await payload.jobs.handleSchedules({ queue: 'daily' })
    const ours = ['archiveExpiredAnnouncements', 'warnExpiringAnnouncements']
    expect(result.queued.map((q) => q.taskConfig?.slug)).toEqual(expect.arrayContaining(ours))
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'daily' } }, { taskSlug: { in: ours } }] }, overrideAccess: true, depth: 0 })
    expect(docs.map((j) => j.taskSlug).sort()).toEqual(ours)
    for (const job of docs) expect(new Date(String(job.waitUntil)).getTime()).toBeGreaterThan(Date.now())
    // Scheduling again the same day adds nothing.
    expect((await payload.jobs.handleSchedules({ queue: 'daily' })).queued).toHaveLength(0)
  })

  it('writes e-mails in French with the territory’s name and escapes what people typed', async () => {
    const { moderationDecisionEmail } = await import('@/email/templates/moderationDecision')
    const mail = moderationDecisionEmail({
      decision: 'rejected',
      collection: 'services',
      title: 'Réparation <script>alert(1)</script>',
      territoryName: 'CC de la Picardie Verte',
      recipientName: 'Léa',
      reason: 'Lien vers <b>un site</b> sans rapport.',
      accountUrl: 'https://annuaire.example/mon-espace',
    })
    expect(mail.subject).toBe('Votre service « Réparation <script>alert(1)</script> » n’a pas été publié — Annuaire local — CC de la Picardie Verte')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;')
    expect(mail.html).toContain('&lt;b&gt;un site&lt;/b&gt;')
    expect(mail.text).toContain('Bonjour Léa,')
    expect(mail.text).toContain('Ouvrir mon espace : https://annuaire.example/mon-espace')
    const { sendEmail } = await import('@/email/send')
    const before = outboxFiles(outbox)
    await sendEmail(payload, { to: 'lea@example.org', ...mail })
    const [sent] = newEmails(outbox, before)
    expect(sent!.subject).toBe(mail.subject)
    expect(sent!.headers.get('auto-submitted')).toBe('auto-generated')
    await expect(sendEmail(payload, { to: ' ', ...mail })).rejects.toThrow(/sans destinataire/)
  })
}

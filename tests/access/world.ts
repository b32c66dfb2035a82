/**
 * The world the access table runs in, built on one shared test server: the demo territory
 * (A) with its demo accounts, a second territory (B, CC des Portes de Sologne) with its own
 * staff, and one document per target of the table. Everything is written through the REST
 * API as the national administrator, except what only the server itself may write
 * (contact requests, reports, alerts): those go through the local API on the server's
 * own database. `destroy()` deletes everything this run created.
 *
 * Sessions, calls and uploads as an actor, the local API and the clean-up are in
 * world/base.ts; the accounts, fixture specs and private values in world/specs.ts.
 */
import { DEMO_EPCI, DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { type Id, login } from './client'
import type { DirectoryTarget } from './matrix'
import { WorldBase } from './world/base'
import {
  type Account,
  type DirectorySlug,
  type DirectorySpec,
  DIRECTORY_SPECS,
  EXTRA_PASSWORD,
  type ExtraAccount,
  type Place,
  PRIVATE,
  PROVIDER_BY_PLACE,
  randomSiren,
  SERVER_ONLY,
  type ServerOnlySlug,
} from './world/specs'

export {
  type Account,
  DIRECTORY,
  DIRECTORY_SPECS,
  type DirectorySlug,
  EXTRA_PASSWORD,
  type ExtraAccount,
  PLACE_OF_CREATE,
  PRIVATE,
  randomSiren,
  SERVER_ONLY,
  type ServerOnlySlug,
} from './world/specs'

export class World extends WorldBase {
  // -------------------------------------------------------------------------------------
  // Set-up
  // -------------------------------------------------------------------------------------

  async setUp(): Promise<void> {
    // Booting Payload in this process first keeps it from stalling HTTP requests later.
    await this.localPayload()
    for (const role of Object.keys(DEMO_USERS) as Array<keyof typeof DEMO_USERS>) {
      this.sessions.set(role, await login(this.baseUrl, DEMO_USERS[role], DEMO_PASSWORD))
    }
    const [territoryA] = await this.findAsSuper('territories', { epciCode: { equals: DEMO_EPCI } })
    if (!territoryA) throw new Error('Territoire de démonstration introuvable')
    this.territory.A = territoryA.id
    this.commune.A1 = await this.communeId(INSEE.grandvilliers)
    this.commune.A2 = await this.communeId(INSEE.formerie)
    await this.setUpTerritoryB()
    await this.setUpAccounts()
    const [national] = await this.findAsSuper('categories', { territory: { exists: false } })
    this.category.national = national.id
    await this.setUpShared()
    await this.setUpServerOnly()
  }

  private async communeId(inseeCode: string): Promise<Id> {
    const [commune] = await this.findAsSuper('communes', { inseeCode: { equals: inseeCode } })
    if (!commune) throw new Error(`Commune ${inseeCode} introuvable`)
    return commune.id
  }

  /** CC des Portes de Sologne (EPCI 200005932) and two of its communes, unless they exist. */
  private async setUpTerritoryB() {
    const [existing] = await this.findAsSuper('territories', { epciCode: { equals: '200005932' } })
    if (existing) {
      this.territory.B = existing.id
    } else {
      const doc = await this.createAsSuper('territories', {
        name: 'CC des Portes de Sologne',
        epciCode: '200005932',
        slug: 'cc-des-portes-de-sologne',
      })
      this.created.pop()
      this.ownedTerritory.push(doc.id)
      this.territory.B = doc.id
    }
    const communes = [
      { key: 'B1', name: 'La Ferté-Saint-Aubin', slug: 'la-ferte-saint-aubin', inseeCode: '45146', latitude: 47.71215, longitude: 1.91288 },
      { key: 'B2', name: 'Marcilly-en-Villette', slug: 'marcilly-en-villette', inseeCode: '45193', latitude: 47.76262, longitude: 2.04113 },
    ] as const
    for (const c of communes) {
      const [found] = await this.findAsSuper('communes', { inseeCode: { equals: c.inseeCode } })
      if (found) {
        this.commune[c.key] = found.id
        continue
      }
      const { key, ...data } = c
      const doc = await this.createAsSuper('communes', { ...data, postcodes: ['45240'], epciCode: '200005932', territory: this.territory.B })
      this.created.pop()
      this.ownedCommunes.push(doc.id)
      this.commune[key] = doc.id
    }
  }

  private async setUpAccounts() {
    const accounts: Array<{ key: ExtraAccount; role: string; territory: 'A' | 'B'; communes?: Id[] }> = [
      { key: 'adminB', role: 'admin', territory: 'B' },
      { key: 'editorB', role: 'editor', territory: 'B', communes: [this.commune.B1] },
      { key: 'viewerB', role: 'viewer', territory: 'B' },
      { key: 'owner2', role: 'owner', territory: 'A' },
      { key: 'resident2', role: 'resident', territory: 'A' },
      { key: 'ownerB', role: 'owner', territory: 'B' },
    ]
    for (const account of accounts) {
      const email = `acces-${this.run}-${account.key.toLowerCase()}@annuaire.example`
      await this.createAsSuper('users', {
        email,
        password: EXTRA_PASSWORD,
        name: `Compte d'essai ${account.key}`,
        roles: [account.role],
        territory: this.territory[account.territory],
        communes: account.communes ?? [],
        _verified: true,
      })
      this.sessions.set(account.key, await login(this.baseUrl, email, EXTRA_PASSWORD))
    }
  }

  /** A fresh account of a territory, made by the national administrator. */
  async freshUser(territory: 'A' | 'B', role = 'resident'): Promise<{ id: Id; email: string }> {
    const email = `${this.marker('compte')}@annuaire.example`
    const doc = await this.createAsSuper('users', {
      email,
      password: EXTRA_PASSWORD,
      name: 'Compte jetable',
      roles: [role],
      territory: this.territory[territory],
      _verified: true,
    })
    return { id: doc.id, email }
  }

  private ownerFor(collection: DirectorySlug, owner: DirectorySpec['owner']): Account {
    if (owner === 'B') return 'ownerB'
    if (collection === 'announcements') return owner === 'primary' ? 'resident' : 'resident2'
    return owner === 'primary' ? 'owner' : 'owner2'
  }

  /** Valid data for a new entry of a directory collection, at a place. */
  entryData(collection: DirectorySlug, place: Place, marker: string): Record<string, unknown> {
    const commune = this.commune[place]
    switch (collection) {
      case 'businesses':
      case 'associations':
        return {
          name: `[essai accès] ${marker}`,
          categories: [this.category.national],
          commune,
          description: 'Fiche créée par les tests de droits d’accès.',
        }
      case 'services':
        return {
          title: `[essai accès] ${marker}`,
          provider: { relationTo: 'businesses', value: this.doc('businesses', PROVIDER_BY_PLACE[place]) },
          categories: [this.category.national],
          description: 'Service créé par les tests de droits d’accès.',
        }
      case 'announcements':
        return {
          kind: 'offer',
          title: `[essai accès] ${marker}`,
          body: 'Annonce créée par les tests de droits d’accès.',
          commune,
        }
    }
  }

  /** The text field that carries a create marker, per collection. */
  static markerField(collection: string): string {
    return (
      {
        businesses: 'name',
        associations: 'name',
        services: 'title',
        announcements: 'title',
        categories: 'name',
        territories: 'name',
        communes: 'name',
        'contact-requests': 'senderName',
        reports: 'message',
        alerts: 'email',
        'audit-log': 'documentTitle',
        'usage-stats': 'key',
        'import-runs': 'fileName',
        media: 'alt',
        pages: 'title',
        users: 'email',
      } as Record<string, string>
    )[collection]!
  }

  /** A directory document as the national administrator: status, owners and private data set. */
  async directoryDoc(collection: DirectorySlug, target: DirectoryTarget): Promise<any> {
    const spec = DIRECTORY_SPECS[target]
    const marker = this.marker(target)
    const data: Record<string, unknown> = {
      ...this.entryData(collection, spec.place, marker),
      status: spec.status,
      moderationNote: PRIVATE.moderationNote(this.run),
    }
    const owner = this.userId(this.ownerFor(collection, spec.owner))
    if (collection === 'businesses' || collection === 'associations') {
      const email = `prive.${marker}@exemple.fr`
      Object.assign(data, { owners: [owner], email })
    }
    if (collection === 'announcements') {
      Object.assign(data, {
        author: owner,
        onBehalfOf: { enabled: true, residentName: PRIVATE.residentName(this.run), residentPhone: PRIVATE.residentPhone },
      })
    }
    const doc = await this.createAsSuper(collection, data)
    if (typeof data.email === 'string') this.emails.set(`${collection}:${doc.id}`, data.email)
    return doc
  }

  doc(collection: string, target: string): Id {
    const id = this.docs.get(`${collection}:${target}`)
    if (id === undefined) throw new Error(`Pas de document ${collection} « ${target} »`)
    return id
  }

  private async setUpShared() {
    for (const collection of ['businesses', 'associations', 'services', 'announcements'] as const) {
      for (const target of Object.keys(DIRECTORY_SPECS) as DirectoryTarget[]) {
        const doc = await this.directoryDoc(collection, target)
        this.docs.set(`${collection}:${target}`, doc.id)
      }
    }
    this.docs.set('territories:A', this.territory.A)
    this.docs.set('territories:B', this.territory.B)
    this.docs.set('communes:A1', this.commune.A1)
    this.docs.set('communes:B1', this.commune.B1)
    this.docs.set('communes:spare-A', (await this.freshCommune('A')).id)
    this.docs.set('communes:spare-B', (await this.freshCommune('B')).id)
    this.docs.set('categories:national', this.category.national)
    this.docs.set('categories:A', (await this.freshCategory('A')).id)
    this.docs.set('categories:B', (await this.freshCategory('B')).id)
    this.docs.set('pages:A', (await this.freshPage('A')).id)
    this.docs.set('pages:B', (await this.freshPage('B')).id)
    this.docs.set('pages:global', (await this.freshPage('global')).id)
    this.docs.set('media:A', (await this.upload('resident')).id)
    this.docs.set('media:B', (await this.upload('adminB')).id)
    this.docs.set('media:shown-A', (await this.shownMedia('business')).id)
    this.docs.set('media:notice-A', (await this.shownMedia('coming-notice')).id)
    this.docs.set('users:resident-A', this.userId('resident2'))
    this.docs.set('users:user-B', this.userId('ownerB'))
    this.docs.set('users:national', this.userId('superadmin'))
  }

  async freshCommune(territory: 'A' | 'B'): Promise<any> {
    const marker = this.marker('commune')
    return this.createAsSuper('communes', {
      name: `[essai accès] ${marker}`,
      slug: marker,
      inseeCode: marker,
      territory: this.territory[territory],
    })
  }

  async freshCategory(territory: 'A' | 'B' | 'national'): Promise<any> {
    const marker = this.marker('categorie')
    return this.createAsSuper('categories', {
      name: `[essai accès] ${marker}`,
      ...(territory === 'national' ? {} : { territory: this.territory[territory] }),
    })
  }

  async freshPage(territory: 'A' | 'B' | 'global'): Promise<any> {
    return this.createAsSuper('pages', {
      title: `[essai accès] ${this.marker('page')}`,
      slug: 'a-propos',
      ...(territory === 'global' ? {} : { territory: this.territory[territory] }),
    })
  }

  /**
   * An image the secrétaire A1 sends, then attached by the national administrator to a new
   * published entry of A1 (public), or to a notice of A1 whose first day is in five days.
   */
  async shownMedia(by: 'business' | 'coming-notice'): Promise<any> {
    const image = await this.upload('editor')
    if (by === 'business') {
      await this.createAsSuper('businesses', { ...this.entryData('businesses', 'A1', this.marker('vitrine')), status: 'published', photos: [image.id] })
    } else {
      const displayFrom = new Date(Date.now() + 5 * 86_400_000).toISOString()
      const notice = { ...this.entryData('announcements', 'A1', this.marker('avis')), kind: 'notice', status: 'published', attachment: image.id, displayFrom }
      await this.createAsSuper('announcements', notice)
    }
    return image
  }

  async freshTerritory(): Promise<any> {
    const marker = this.marker('territoire')
    return this.createAsSuper('territories', { name: `[essai accès] ${marker}`, epciCode: randomSiren(), slug: marker })
  }

  // -------------------------------------------------------------------------------------
  // What only the server writes: through the local API on the server's database
  // -------------------------------------------------------------------------------------

  /** A document only the server writes (contact request, report, alert, counter, import), for a territory. */
  async serverOnlyDoc(collection: ServerOnlySlug, territory: 'A' | 'B'): Promise<Id> {
    const payload = await this.localPayload()
    const business = this.doc('businesses', territory === 'A' ? 'published-A1' : 'published-B')
    const target = { relationTo: 'businesses' as const, value: business as number }
    const marker = this.marker(collection)
    const common = { territory: this.territory[territory] as number }
    let doc: { id: Id }
    if (collection === 'contact-requests') {
      doc = await payload.create({
        collection,
        data: {
          ...common,
          target,
          senderName: marker,
          senderEmail: `expediteur.${marker}@exemple.fr`,
          message: 'Bonjour, je voudrais un renseignement.',
          status: 'sent',
          recipients: [this.userId(territory === 'A' ? 'owner' : 'ownerB') as number],
          confirmationToken: `secret-${marker}`,
        },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'reports') {
      doc = await payload.create({
        collection,
        data: { ...common, target, reason: 'spam', status: 'open', message: marker, reporterEmail: `signale.${marker}@exemple.fr` },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'alerts') {
      doc = await payload.create({
        collection,
        data: { ...common, email: `alerte.${marker}@exemple.fr`, confirmed: true, token: `secret-${marker}` },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'usage-stats') {
      doc = await payload.create({
        collection,
        data: { ...common, key: marker, month: '2026-01', metric: 'search', dimension: marker, count: 3 },
      })
    } else {
      doc = await payload.create({
        collection,
        data: { ...common, fileName: `${marker}.csv`, kind: 'businesses', state: 'done', user: this.userId(territory === 'A' ? 'editor' : 'adminB') as number },
      })
    }
    this.track(collection, doc.id)
    return doc.id
  }

  private async setUpServerOnly() {
    for (const collection of SERVER_ONLY) {
      this.docs.set(`${collection}:A`, await this.serverOnlyDoc(collection, 'A'))
      this.docs.set(`${collection}:B`, await this.serverOnlyDoc(collection, 'B'))
    }
    const payload = await this.localPayload()
    await payload.update({
      collection: 'announcements',
      id: this.doc('announcements', 'published-A1'),
      data: { expiryWarningSentAt: PRIVATE.expiryWarningSentAt },
      context: { skipAudit: true },
    })
    // The journal of each territory has entries: the fixtures above wrote them.
    for (const t of ['A', 'B'] as const) {
      const [entry] = await this.findAsSuper('audit-log', { territory: { equals: this.territory[t] } })
      if (!entry) throw new Error(`Aucune entrée de journal pour le territoire ${t}`)
      this.docs.set(`audit-log:${t}`, entry.id)
    }
  }
}

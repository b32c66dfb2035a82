import type { CollectionConfig } from 'payload'

import { Alerts } from './Alerts'
import { Announcements } from './Announcements'
import { Associations } from './Associations'
import { AuditLog } from './AuditLog'
import { Businesses } from './Businesses'
import { Categories } from './Categories'
import { Communes } from './Communes'
import { ContactRequests } from './ContactRequests'
import { ImportRuns } from './ImportRuns'
import { Media } from './Media'
import { Pages } from './Pages'
import { Reports } from './Reports'
import { Services } from './Services'
import { Territories } from './Territories'
import { UsageStats } from './UsageStats'
import { Users } from './Users'

/** Every collection, in the order the admin lists them within their groups. */
const ordered = [
  Businesses,
  Associations,
  Services,
  Categories,
  Announcements,
  ContactRequests,
  Alerts,
  Reports,
  AuditLog,
  Territories,
  Communes,
  Users,
  Media,
  Pages,
  UsageStats,
  ImportRuns,
]

/** No « API » tab nor API address in the edit view: it is a developer's tool, not a secrétaire's. */
export const collections: CollectionConfig[] = ordered.map((c) => ({ ...c, admin: { ...c.admin, hideAPIURL: true } }))

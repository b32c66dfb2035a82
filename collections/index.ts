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
export const collections = [
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

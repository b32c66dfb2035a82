import type { CollectionConfig, Field } from 'payload'

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

const PARIS_DATE_CELL = '/src/components/admin/ParisDateCell/index.client#ParisDateCell'

const withParisCell = (field: Field): Field =>
  field.type === 'date' ? { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Cell: PARIS_DATE_CELL } } } : field

/** Payload's own timestamp fields, as it adds them, with the Paris cell (same schema). */
const timestamp = (name: 'createdAt' | 'updatedAt'): Field => ({
  name,
  type: 'date',
  index: true,
  label: ({ t }) => t(name === 'createdAt' ? 'general:createdAt' : 'general:updatedAt'),
  admin: { disableBulkEdit: true, hidden: true, components: { Cell: PARIS_DATE_CELL } },
})

/** Every date column of the admin lists in Paris time, as the moderation queue (issue 19). */
function parisDates(c: CollectionConfig): CollectionConfig {
  const fields = c.fields.map(withParisCell)
  if (c.timestamps !== false) {
    const has = (name: string) => fields.some((f) => 'name' in f && f.name === name)
    if (!has('updatedAt')) fields.push(timestamp('updatedAt'))
    if (!has('createdAt')) fields.push(timestamp('createdAt'))
  }
  return { ...c, fields }
}

/** No « API » tab nor API address in the edit view: it is a developer's tool, not a secrétaire's. */
export const collections: CollectionConfig[] = ordered.map((c) => parisDates({ ...c, admin: { ...c.admin, hideAPIURL: true } }))

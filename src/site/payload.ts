import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The Payload instance for public pages (reads go through access control: `overrideAccess: false`). */
export function sitePayload(): Promise<Payload> {
  return getPayload({ config })
}

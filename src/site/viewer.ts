import { headers } from 'next/headers'

import type { User } from '@/payload-types'
import { sitePayload } from '@/site/payload'

import { viewerOf } from '@/contributions/session'

/** The account of the visitor of a page (server components), or null. */
export async function getViewer(): Promise<User | null> {
  const payload = await sitePayload()
  return viewerOf(payload, await headers())
}

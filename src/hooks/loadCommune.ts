import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/roles'

export type CommuneSummary = {
  id: number | string
  name: string
  slug?: string | null
  postcodes?: string[] | null
  latitude?: number | null
  longitude?: number | null
  territory?: number | string | { id: number | string } | null
}

/** Loads a commune named by id or by a populated relationship, within the request's transaction. */
export async function loadCommune(req: PayloadRequest, commune: unknown): Promise<CommuneSummary | null> {
  const id = idOf(commune as never)
  if (id === undefined || id === null || id === '') return null
  try {
    const doc = await req.payload.findByID({ collection: 'communes', id, depth: 0, req, overrideAccess: true })
    return doc as unknown as CommuneSummary
  } catch {
    return null
  }
}

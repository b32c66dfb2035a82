/**
 * What the access world is made of, apart from the world itself: the accounts created besides
 * the demo ones, the directory fixtures by target, the private values written on them, and
 * what only the server writes.
 */
import { withLuhnDigit } from '@/seed/luhn'
import type { CreatePlace, DirectoryTarget, LoggedInActor } from '../matrix'

export const EXTRA_PASSWORD = 'Acces-Essai-2026-long!'

/** Accounts created for the test besides the demo ones. */
export type ExtraAccount = 'adminB' | 'editorB' | 'viewerB' | 'owner2' | 'resident2' | 'ownerB'
export type Account = LoggedInActor | ExtraAccount

export type DirectorySlug = 'businesses' | 'associations' | 'services' | 'announcements'
export const DIRECTORY: readonly DirectorySlug[] = ['businesses', 'associations', 'services', 'announcements']

export type Place = 'A1' | 'A2' | 'B1'
export type DirectorySpec = { place: Place; status: 'published' | 'pending'; owner: 'primary' | 'other' | 'B' }

export const DIRECTORY_SPECS: Record<DirectoryTarget, DirectorySpec> = {
  'published-A1': { place: 'A1', status: 'published', owner: 'primary' },
  'pending-A1': { place: 'A1', status: 'pending', owner: 'primary' },
  'pending-A2': { place: 'A2', status: 'pending', owner: 'other' },
  'pending-B': { place: 'B1', status: 'pending', owner: 'B' },
  'published-B': { place: 'B1', status: 'published', owner: 'B' },
}

export const PLACE_OF_CREATE: Record<CreatePlace, Place> = { 'in-A1': 'A1', 'in-A2': 'A2', 'in-B1': 'B1' }

/** The provider a new service names, by place: the owner's own business in A1. */
export const PROVIDER_BY_PLACE: Record<Place, DirectoryTarget> = { A1: 'published-A1', A2: 'pending-A2', B1: 'published-B' }

/** Private values written on every fixture, to look for in answers. */
export const PRIVATE = {
  moderationNote: (run: string) => `Note interne confidentielle ${run}`,
  residentName: (run: string) => `Mme Confidentielle ${run}`,
  residentPhone: '03 44 00 11 22',
  expiryWarningSentAt: '2026-01-15T10:00:00.000Z',
}

/** What only the server writes: the REST API refuses to create it for anyone. */
export const SERVER_ONLY = ['contact-requests', 'reports', 'alerts', 'usage-stats', 'import-runs'] as const
export type ServerOnlySlug = (typeof SERVER_ONLY)[number]

/** A random SIREN with a valid Luhn key (for throw-away territories). */
export function randomSiren(): string {
  return withLuhnDigit(`9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`)
}

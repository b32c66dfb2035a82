import type { EpciImportReport } from './importEpci'

/** The report as the view shows it, carried in the redirect's query string. */
export type NewTerritorySummary = Pick<EpciImportReport, 'territory' | 'communes' | 'withoutCentre'> & { slug: string }

export function encodeSummary(summary: NewTerritorySummary): string {
  return Buffer.from(JSON.stringify(summary), 'utf8').toString('base64url')
}

export function decodeSummary(text: string | undefined): NewTerritorySummary | null {
  if (!text) return null
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as NewTerritorySummary
  } catch {
    return null
  }
}

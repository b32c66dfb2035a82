'use client'
import type { DefaultCellComponentProps } from 'payload'

import { formatParisDate } from './format'

/**
 * A date column of the admin lists, in Paris time. Payload's own cell uses the time zone of
 * whatever renders it (UTC on the server), while the moderation queue spoke Paris time.
 */
export function ParisDateCell({ cellData, field }: DefaultCellComponentProps) {
  if (typeof cellData !== 'string' && typeof cellData !== 'number') return null
  const pattern = field && 'admin' in field ? (field.admin as { date?: { pickerAppearance?: string } } | undefined)?.date : undefined
  const text = formatParisDate(cellData, pattern?.pickerAppearance !== 'dayOnly')
  return <time dateTime={new Date(cellData).toISOString()}>{text}</time>
}

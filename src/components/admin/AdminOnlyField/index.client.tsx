'use client'
import { TextField, useAuth } from '@payloadcms/ui'
import type { TextFieldClientProps } from 'payload'

import { hasRole, type AccessUser } from '@/access/roles'

/**
 * A required technical text field (a commune's INSEE code, a territory's short identifier)
 * shown to administrators only. `admin.condition` would do the same for optional fields, but
 * it makes Payload type the field as optional; the value is kept either way.
 */
export function AdminOnlyTextField(props: TextFieldClientProps) {
  const { user } = useAuth()
  if (!hasRole(user as AccessUser | null, 'admin', 'superadmin')) return null
  return <TextField {...props} />
}

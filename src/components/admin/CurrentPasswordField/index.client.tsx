'use client'
import { FieldDescription, PasswordField, useAuth, useDocumentInfo } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/** Checked by the server, only when the address or the password changes: never required here. */
const checkedByServer = () => true as const

/**
 * On one's own account only: the current password, typed hidden like any password (the field
 * is text on the server). The admin's form data carries no id, so the check is made here.
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  if (!user || id === undefined || String(user.id) !== String(id)) return null
  const fieldPath = path ?? field.name
  return (
    <div className="current-password-field">
      <PasswordField field={field} path={fieldPath} autoComplete="current-password" validate={checkedByServer} />
      <FieldDescription path={fieldPath} description="Demandé seulement pour changer votre adresse e-mail ou votre mot de passe." />
    </div>
  )
}

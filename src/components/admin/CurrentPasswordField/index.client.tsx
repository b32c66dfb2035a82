'use client'
import { FieldDescription, PasswordField, useAuth, useDocumentInfo, useField, useFormFields, useFormModified } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useEffect, useRef } from 'react'

/** Checked by the server, only when the address or the password changes: never required here. */
const checkedByServer = () => true as const

/**
 * On one's own account only (the admin's form data carries no id, so the check is made here):
 * the current password, typed hidden like any password (the field is text on the server).
 *
 * Payload folds its « Changer le mot de passe » fields after any save, refused or not, yet keeps
 * what was typed there and sends it again with the next save. Every password is emptied after
 * a save instead, as on the site: nothing hidden is sent later.
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const fieldPath = path ?? field.name
  const { setValue } = useField<string>({ path: fieldPath })
  const dispatchFields = useFormFields(([, dispatch]) => dispatch)
  const modified = useFormModified()
  const wasModified = useRef(false)
  useEffect(() => {
    const saved = wasModified.current && !modified
    wasModified.current = modified
    if (!saved) return
    setValue('', true)
    dispatchFields({ type: 'REMOVE', path: 'password' })
    dispatchFields({ type: 'REMOVE', path: 'confirm-password' })
  }, [modified, setValue, dispatchFields])
  if (!user || id === undefined || String(user.id) !== String(id)) return null
  return (
    <div className="current-password-field">
      <PasswordField field={field} path={fieldPath} autoComplete="current-password" validate={checkedByServer} />
      <FieldDescription path={fieldPath} description="Demandé seulement pour changer votre adresse e-mail ou votre mot de passe." />
    </div>
  )
}

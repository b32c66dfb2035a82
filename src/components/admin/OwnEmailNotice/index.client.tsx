'use client'
import { useAuth, useDocumentInfo } from '@payloadcms/ui'

/**
 * Under the e-mail field of one's own account: a new address is not taken at once (Payload's
 * save message says « Mis à jour », the field shows the current address again).
 */
export function OwnEmailNotice() {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  if (!user || id === undefined || String(user.id) !== String(id)) return null
  return (
    <p className="field-description own-email-notice">
      Votre adresse e-mail ne change pas tout de suite : en enregistrant une nouvelle adresse, vous recevez sur celle-ci un lien à
      ouvrir puis à confirmer (valable 24 heures). D’ici là, vous vous connectez avec l’adresse actuelle ; la nouvelle apparaît à
      droite, « en attente de confirmation ».
    </p>
  )
}

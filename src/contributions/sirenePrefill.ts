import type { Payload } from 'payload'

import { validateSiret } from '@/fields/validators'
import { lookupSiret, SireneUnavailable } from '@/sirene/client'

export type PrefillOutcome = {
  values: Record<string, string>
  errors: Record<string, string>
  /** What the form says once the register answered (shown as a status message). */
  notice?: string
}

/** The field of the registration form that carries the register's answer back to the page. */
export const SIRENE_NOTICE_FIELD = '_sirene'

/**
 * « Vérifier le SIRET » on the registration form: looks the SIRET up in the public company
 * register and returns the form's values with name, address, activity and commune filled
 * (the person checks and completes them). When the register cannot be reached, says so and
 * keeps what was typed: the form still works by hand.
 */
export async function prefillFromSirene(payload: Payload, territoryId: number | string | null, typed: Record<string, string>): Promise<PrefillOutcome> {
  const values = { ...typed }
  delete values[SIRENE_NOTICE_FIELD]
  const siret = (values.siret ?? '').replace(/\s/g, '')
  if (!siret) return { values, errors: { siret: 'Indiquez le SIRET à vérifier (14 chiffres).' } }
  const invalid = validateSiret(siret)
  if (invalid !== true) return { values, errors: { siret: String(invalid) } }
  let found
  try {
    found = await lookupSiret(siret)
  } catch (error) {
    if (!(error instanceof SireneUnavailable)) throw error
    return { values, errors: { siret: 'Le répertoire des entreprises ne répond pas pour le moment : remplissez la fiche à la main.' } }
  }
  if (!found) {
    return { values, errors: { siret: 'Aucun établissement trouvé pour ce SIRET dans le répertoire des entreprises : vérifiez-le, ou remplissez la fiche à la main.' } }
  }
  const { docs } = found.inseeCode
    ? await payload.find({
        collection: 'communes',
        where: { and: [{ inseeCode: { equals: found.inseeCode } }, ...(territoryId !== null ? [{ territory: { equals: territoryId } }] : [])] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [] }
  const commune = docs[0]
  const filled: Record<string, string> = {
    ...values,
    kind: values.kind || 'businesses',
    siret,
    ...(found.name ? { name: found.name } : {}),
    ...(found.street ? { street: found.street } : {}),
    ...(found.activity ? { activity: found.activity } : {}),
    ...(commune ? { commune: String(commune.id) } : {}),
  }
  if (found.closed) {
    return { values: filled, errors: { siret: 'Cet établissement est fermé selon le répertoire des entreprises : vérifiez le SIRET de l’établissement en activité.' } }
  }
  const place = found.communeName ? ` à ${found.communeName}` : ''
  const communeHint = found.communeName && !commune ? ` Sa commune (${found.communeName}) n’est pas dans ce territoire : choisissez la commune dans la liste.` : ''
  return {
    values: filled,
    errors: {},
    notice: `Établissement trouvé dans le répertoire des entreprises : « ${found.name} »${place}. Le nom, l’adresse et l’activité ont été remplis : vérifiez-les, complétez la fiche puis inscrivez-la.${communeHint}`,
  }
}

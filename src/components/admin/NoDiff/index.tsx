/**
 * The version comparison (« Voir les modifications ») of an internal field: nothing. A
 * secrétaire reads what changed for a person (title, hours, status…), not the sort key of the
 * moderation queue or the owner's raw proposal. See `hiddenFromDiff`.
 */
export function NoDiff() {
  return null
}

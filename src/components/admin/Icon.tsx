/** The product's mark in the admin navigation. */
export function Icon() {
  return <img src="/logo.svg" alt="Annuaire local" width={28} height={28} />
}

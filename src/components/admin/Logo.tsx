/** The product's mark in the admin login screen. */
export function Logo() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
      <img src="/logo.svg" alt="" width={48} height={48} />
      <span style={{ fontSize: '1.6rem', fontWeight: 700 }}>Annuaire local</span>
    </div>
  )
}

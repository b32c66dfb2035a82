export type Crumb = { href?: string; label: string }

/** "Accueil › Communes › Grandvilliers": the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const all: Crumb[] = [{ href: '/', label: 'Accueil' }, ...items]
  return (
    <nav aria-label="Fil d’Ariane" className="breadcrumbs">
      <ol>
        {all.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.href && index < all.length - 1 ? (
              <a href={item.href}>{item.label}</a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** Numbered pages as plain links; `hrefFor(n)` builds each page's address. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (n: number) => string }) {
  if (totalPages <= 1) return null
  const pages = [...new Set([1, page - 1, page, page + 1, totalPages])].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b)
  return (
    <nav aria-label="Pagination" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>Page précédente
            </a>
          </li>
        ) : null}
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - pages[i - 1]! > 1 ? <span className="ellipsis">…</span> : null}
            {n === page ? (
              <a href={hrefFor(n)} aria-current="page" aria-label={`Page ${n}, page actuelle`}>
                {n}
              </a>
            ) : (
              <a href={hrefFor(n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Page suivante<span aria-hidden="true"> ›</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** A page number past the last page (an old link, a typed address): says so and links to the last page. */
export function PageBeyondEnd({ page, totalPages, href }: { page: number; totalPages: number; href: string }) {
  return (
    <div className="notice-box" role="status">
      <p>
        La page {page} n’existe pas : {totalPages > 1 ? `il y a ${totalPages} pages de résultats` : 'tous les résultats tiennent sur une seule page'}.
      </p>
      <p>
        <a href={href}>{totalPages > 1 ? `Aller à la dernière page (page ${totalPages})` : 'Voir les résultats'}</a>
      </p>
    </div>
  )
}

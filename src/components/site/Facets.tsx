import type { Category, Commune } from '@/payload-types'
import type { EntryKind, PriceType, SearchResult } from '@/search/types'
import { KIND_LABELS, PRICE_LABELS } from '@/site/labels'
import { KIND_SEGMENTS, PRICE_SEGMENTS, type SiteSearch } from '@/territories/urls'

type Item = { key: string; label: string; count: number; href: string; current: boolean }

function FacetGroup({ title, items }: { title: string; items: Item[] }) {
  if (!items.length) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <a href={item.href} aria-current={item.current ? 'true' : undefined}>
              {item.label}
            </a>{' '}
            <span className="hint">({item.count.toLocaleString('fr-FR')})</span>
            {item.current ? <span className="sr-only"> (filtre actif)</span> : null}
          </li>
        ))}
      </ul>
    </>
  )
}

const FACET_SIZE = 8

/** Counts per category, commune, kind and price type, each a link that applies the filter. */
export function Facets({
  facets,
  search,
  categories,
  communes,
  path,
}: {
  facets: SearchResult['facets']
  search: SiteSearch
  categories: Map<number, Category>
  communes: Map<number, Commune>
  path: (changes: Partial<SiteSearch>) => string
}) {
  const categoryItems = facets.categories.flatMap((f) => {
    const c = categories.get(Number(f.value))
    if (!c?.slug) return []
    return [{ key: f.value, label: c.name, count: f.count, href: path({ categorie: c.slug }), current: search.categorie === c.slug }]
  })
  const communeItems = search.lat !== undefined
    ? []
    : facets.communes.flatMap((f) => {
        const c = communes.get(Number(f.value))
        if (!c) return []
        return [{ key: f.value, label: c.name, count: f.count, href: path({ commune: c.slug, rayon: undefined }), current: search.commune === c.slug && !search.rayon }]
      })
  const kindItems = facets.kinds.flatMap((f) => {
    const kind = f.value as EntryKind
    if (!(kind in KIND_SEGMENTS)) return []
    const segment = KIND_SEGMENTS[kind]
    return [{ key: f.value, label: KIND_LABELS[kind].many, count: f.count, href: path({ type: [segment] }), current: search.type?.length === 1 && search.type[0] === segment }]
  })
  const priceItems = facets.priceTypes.flatMap((f) => {
    const price = f.value as PriceType
    if (!(price in PRICE_SEGMENTS)) return []
    const segment = PRICE_SEGMENTS[price]
    return [{ key: f.value, label: PRICE_LABELS[price], count: f.count, href: path({ tarif: [segment] }), current: search.tarif?.length === 1 && search.tarif[0] === segment }]
  })
  if (!categoryItems.length && !communeItems.length && !kindItems.length && !priceItems.length) return null
  return (
    <nav className="facets" aria-labelledby="affiner">
      <h2 id="affiner">Affiner les résultats</h2>
      <FacetGroup title="Type de fiche" items={kindItems} />
      <FacetGroup title="Catégorie" items={categoryItems.slice(0, FACET_SIZE)} />
      <FacetGroup title="Commune" items={communeItems.slice(0, FACET_SIZE)} />
      <FacetGroup title="Tarif" items={priceItems} />
    </nav>
  )
}

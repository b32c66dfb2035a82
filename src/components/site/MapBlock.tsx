import { mapSettings, type MapMarker } from '@/site/map'

/**
 * A Leaflet map, drawn by /site/map.js when JavaScript runs (the container stays hidden
 * otherwise). It never carries information of its own: the page always lists the same
 * places as text, which is the accessible alternative.
 */
export function MapBlock({
  markers,
  label,
  large = false,
  cluster = false,
}: {
  markers: MapMarker[]
  label: string
  large?: boolean
  cluster?: boolean
}) {
  if (!markers.length) return null
  const { tileUrl, attribution } = mapSettings()
  return (
    <>
      <div
        className={`map${large ? ' map-large' : ''}`}
        hidden
        data-map=""
        data-label={label}
        data-tiles={tileUrl}
        data-attribution={attribution}
        data-cluster={cluster ? '1' : undefined}
        data-markers={JSON.stringify(markers)}
      />
      <p className="map-note" hidden data-map-note="">
        Si le fond de carte ne s’affiche pas, la liste des lieux sur cette page donne les mêmes informations.
      </p>
      <script src="/site/map.js" defer />
    </>
  )
}

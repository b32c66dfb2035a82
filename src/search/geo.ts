/** Great-circle distance and the bounding box used to prefilter on indexed coordinates. */

export const EARTH_RADIUS_KM = 6371.0088
export const MAX_RADIUS_KM = 200

export type Point = { latitude: number; longitude: number }
export type BoundingBox = { minLat: number; maxLat: number; minLng: number; maxLng: number }

const rad = (deg: number) => (deg * Math.PI) / 180

/** Haversine distance in kilometres. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  return kmOfHaversineTerm(Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2)
}

/** The distance (km) of a haversine term h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2). */
export function kmOfHaversineTerm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The point on the unit sphere. The haversine term of two points is a quarter of the squared
 * straight-line distance between theirs (the chord is 2 sin(θ/2)): no trigonometry per
 * point when these are computed once, and no loss of precision at short distances.
 */
export function unitVector(point: Point): [x: number, y: number, z: number] {
  const lat = rad(point.latitude)
  const lng = rad(point.longitude)
  return [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)]
}

/** The haversine term of a distance (km): it grows with the distance, so it can be compared instead. */
export function haversineTermOfKm(km: number): number {
  const s = Math.sin(km / (2 * EARTH_RADIUS_KM))
  return s * s
}

/**
 * The smallest latitude/longitude box holding every point within `radiusKm` of `centre`
 * (slightly generous; the exact distance is checked after).
 */
export function boundingBox(centre: Point, radiusKm: number): BoundingBox {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI)
  const maxLat = Math.min(90, centre.latitude + dLat)
  const minLat = Math.max(-90, centre.latitude - dLat)
  const widest = Math.max(Math.abs(maxLat), Math.abs(minLat))
  const cos = Math.cos(rad(widest))
  const dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos)
  return {
    minLat,
    maxLat,
    minLng: Math.max(-180, centre.longitude - dLng),
    maxLng: Math.min(180, centre.longitude + dLng),
  }
}

export function isValidPoint(point: Partial<Point> | null | undefined): point is Point {
  return (
    !!point &&
    typeof point.latitude === 'number' &&
    typeof point.longitude === 'number' &&
    Number.isFinite(point.latitude) &&
    Number.isFinite(point.longitude) &&
    Math.abs(point.latitude) <= 90 &&
    Math.abs(point.longitude) <= 180
  )
}

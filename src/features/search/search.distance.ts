/**
 * Great-circle distance as Postgres' earthdistance computes it (`earth_distance(ll_to_earth(…),
 * ll_to_earth(…))`: a sphere of radius 6378168 m), so distances worked out here for a page agree
 * with those the database uses for the radius and for sorting by distance.
 */
const EARTH_M = 6_378_168;

function toEarth(lat: number, lon: number): [number, number, number] {
  const φ = (lat * Math.PI) / 180;
  const λ = (lon * Math.PI) / 180;
  return [EARTH_M * Math.cos(φ) * Math.cos(λ), EARTH_M * Math.cos(φ) * Math.sin(λ), EARTH_M * Math.sin(φ)];
}

export interface Point {
  readonly lat: number;
  readonly lon: number;
}

export function earthDistanceKm(a: Point, b: Point): number {
  const [x1, y1, z1] = toEarth(a.lat, a.lon);
  const [x2, y2, z2] = toEarth(b.lat, b.lon);
  const chord = Math.hypot(x1 - x2, y1 - y2, z1 - z2);
  const metres = chord >= 2 * EARTH_M ? Math.PI * EARTH_M : 2 * EARTH_M * Math.asin(chord / (2 * EARTH_M));
  return metres / 1000;
}

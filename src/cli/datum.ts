/**
 * Coordinates in China come in two datums. WGS84 is what GPS, OpenStreetMap and this site's
 * `lat`/`lon` use. GCJ-02 is the datum Chinese web maps (AMap, Tencent, and data exported from them)
 * are required to publish in: WGS84 passed through a deliberately obscured offset, some 300–700 m in
 * eastern China. A point or outline read off a Chinese map must be converted before it is drawn
 * over WGS84 data, or it lands half a kilometre off.
 *
 * The forward transform is the widely published reimplementation of the official algorithm (the
 * Krasovsky-ellipsoid formula used by coordtransform, eviltransform and others); it reproduces
 * GCJ-02 to within a few metres. GCJ-02 → WGS84 has no closed form, so the inverse iterates the
 * forward transform until it agrees with the input to about a millimetre.
 */

/** A longitude/latitude pair in degrees, in GeoJSON order. */
export type LonLat = readonly [lon: number, lat: number];

/** Semi-major axis of the Krasovsky 1940 ellipsoid, which the GCJ-02 formula uses. */
const A = 6378245.0;
/** First eccentricity squared of the same ellipsoid. */
const EE = 0.00669342162296594323;

/** True outside the rough box in which GCJ-02 applies; there the datums coincide. */
export function outsideChina([lon, lat]: LonLat): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function latitudeOffset(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function longitudeOffset(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS84 → GCJ-02: where a Chinese web map draws a true position. */
export function wgs84ToGcj02(point: LonLat): LonLat {
  if (outsideChina(point)) return point;
  const [lon, lat] = point;
  let dLat = latitudeOffset(lon - 105.0, lat - 35.0);
  let dLon = longitudeOffset(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Iterations are stopped once the residual is below this many degrees (about a millimetre). */
const TOLERANCE_DEG = 1e-8;

/**
 * GCJ-02 → WGS84: the true position of a point read off a Chinese web map. A fixed-point
 * iteration on the forward transform; the offset varies slowly, so three or four steps suffice.
 */
export function gcj02ToWgs84(point: LonLat): LonLat {
  if (outsideChina(point)) return point;
  const [gLon, gLat] = point;
  let lon = gLon;
  let lat = gLat;
  for (let i = 0; i < 20; i++) {
    const [fLon, fLat] = wgs84ToGcj02([lon, lat]);
    const eLon = fLon - gLon;
    const eLat = fLat - gLat;
    lon -= eLon;
    lat -= eLat;
    if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) break;
  }
  return [lon, lat];
}

/** Metres between two nearby points (equirectangular approximation; fine below a few kilometres). */
export function metresBetween(a: LonLat, b: LonLat): number {
  const R = 6371008.8;
  const meanLat = (((a[1] + b[1]) / 2) * Math.PI) / 180;
  const dx = (((b[0] - a[0]) * Math.PI) / 180) * Math.cos(meanLat);
  const dy = ((b[1] - a[1]) * Math.PI) / 180;
  return R * Math.hypot(dx, dy);
}

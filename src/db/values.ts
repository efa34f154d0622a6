// Driver types stop here: Integer → number, temporal → ISO string,
// Point → { lat, lon }, Node/Relationship → their properties.
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPoint, isRelationship, isTime } from 'neo4j-driver';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export function fromDb(value: unknown): unknown {
  // Most values are strings, numbers, plain maps and lists: they are told apart by typeof and prototype
  // before any of the driver's type tests (each a property lookup) run. It is the hottest function of a read.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : (value ?? null);
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(fromDb);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = fromDb((value as Record<string, unknown>)[key]);
    return out;
  }
  if (isInt(value)) return value.toNumber();
  if (isDateTime(value)) return value.toStandardDate().toISOString();
  if (isDate(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) return value.toString();
  if (isPoint(value)) return { lat: value.y, lon: value.x } satisfies GeoPoint;
  if (isNode(value) || isRelationship(value)) return fromDb(value.properties);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromDb(v)]));
}

/**
 * JavaScript has one number type; Cypher has two. Whole numbers go to the
 * database as integers (so LIMIT, SKIP and counts work and stored counts stay
 * integers); everything else as is.
 */
export function toDb(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDb);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDb(v)]));
  }
  return value;
}

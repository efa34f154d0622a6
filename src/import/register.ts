// The official municipality register (Destatis GV-ISys): every row validated,
// turned into Länder, Kreise, kreisfreie Städte, Gemeinden and Gemeindeverbände.
import type { MunicipalityKind, Urbanisation } from '../generated/graphql.js';
import type { CsvRecord } from './csv.js';
import type { ImportReport } from './report.js';

export const REGISTER_COLUMNS = [
  'satzart', 'textkennzeichen', 'land', 'rb', 'kreis', 'vb', 'gemeinde', 'gemeindename', 'flaeche', 'bevoelkerung',
  'postleitzahl', 'laengengrad', 'breitengrad', 'verstaedterungschluessel',
] as const;

export interface Unit {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  parentAgs: string | null;
  verbandAgs: string | null;
  population: number | null;
  areaKm2: number | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  urbanisation: Urbanisation | null;
  line: number;
}

const URBANISATION: Record<string, Urbanisation> = { '01': 'DENSE', '02': 'INTERMEDIATE', '03': 'THIN' };

/** Gemeinde record types (textkennzeichen of satzart 60) and what they are here. */
const GEMEINDE_KINDS: Record<string, MunicipalityKind> = {
  '60': 'GEMEINDE', // Markt
  '61': 'KREISFREIE_STADT',
  '62': 'KREISFREIE_STADT', // Stadtkreis (Baden-Württemberg)
  '63': 'STADT',
  '64': 'GEMEINDE',
  '65': 'GEMEINDE', // gemeindefreier Bezirk with inhabitants, administered like a Gemeinde
  '67': 'STADT', // Große Kreisstadt
};

class RowError extends Error {}

/** A unit as the graph held it before this import: to tell which keys appeared and disappeared. */
export interface PreviousUnit {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  lat: number | null;
  lon: number | null;
  /** Links other than the register's own (runners, attendance, contacts …). */
  links: number;
}

/** Keys of the new register that the graph did not have, and keys the graph had that the register no longer has. */
export function compareRegisters(previous: ReadonlyMap<string, PreviousUnit>, units: readonly Unit[]) {
  if (previous.size === 0) return { appeared: [], disappeared: [] };
  const now = new Set(units.map((u) => u.ags));
  return {
    appeared: units.filter((u) => !previous.has(u.ags)),
    disappeared: [...previous.values()].filter((u) => !now.has(u.ags)),
  };
}

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

/**
 * For a Gemeinde key the register no longer has (merged away): the Gemeinde
 * of the same Kreis whose seat is nearest to where the old one's was, as the
 * graph held it. A suggestion for the report only, never applied.
 */
export function likelySuccessor(ags: string, previous: ReadonlyMap<string, PreviousUnit>, units: readonly Unit[]): Unit | null {
  const old = previous.get(ags);
  if (!old || old.lat === null || old.lon === null) return null;
  const at = { lat: old.lat, lon: old.lon };
  let best: { unit: Unit; d: number } | null = null;
  for (const u of units) {
    if (u.ags.length !== 8 || u.ags.slice(0, 5) !== ags.slice(0, 5) || u.lat === null || u.lon === null) continue;
    const d = km(at, { lat: u.lat, lon: u.lon });
    if (!best || d < best.d) best = { unit: u, d };
  }
  return best?.unit ?? null;
}

const digits = (value: string, n: number, field: string) => {
  if (!new RegExp(`^\\d{${n}}$`).test(value)) throw new RowError(`${field} must be ${n} digits, got "${value}"`);
  return value;
};

/** "92667" (the workbook's cells) or "  90 164" (older CSV conversions, thousands separated by spaces) → a number. */
function population(raw: string): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text) && !/^\d{1,3}( \d{3})*$/.test(text)) throw new RowError(`bevoelkerung is not a number: "${raw}"`);
  return Number(text.replace(/ /g, ''));
}

/** " 53.02" → 53.02 (decimal point). */
function area(raw: string): number {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RowError(`flaeche is not a number: "${raw}"`);
  return Number(text);
}

/** "9,43751" → 9.43751 (decimal comma), within the given bounds. */
function degrees(raw: string, field: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^-?\d+(,\d+)?$/.test(text)) throw new RowError(`${field} is not a decimal-comma number: "${raw}"`);
  const value = Number(text.replace(',', '.'));
  if (value < min || value > max) throw new RowError(`${field} ${value} lies outside Germany`);
  return value;
}

/** Parses every record; wrong ones go to the report as errors, rows left out by rule as skipped. */
export function parseRegister(records: readonly CsvRecord[], report: ImportReport, source: string): Unit[] {
  const units: Unit[] = [];
  for (const { line, values: v } of records) {
    try {
      const unit = parseRow(v, line, report, source);
      if (unit) units.push(unit);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      report.error(source, line, 'invalid row', error.message);
    }
  }
  return checkAndAggregate(units, report, source);
}

function parseRow(v: Record<string, string>, line: number, report: ImportReport, source: string): Unit | null {
  const name = (v.gemeindename ?? '').trim();
  if (!name) throw new RowError('gemeindename is empty');
  const land = digits(v.land ?? '', 2, 'land');
  if (Number(land) < 1 || Number(land) > 16) throw new RowError(`land ${land} is no Land (01 to 16)`);
  const base = { name, line, verbandAgs: null, population: null, areaKm2: null, postcode: null, lat: null, lon: null, urbanisation: null };
  const tk = v.textkennzeichen ?? '';
  switch (v.satzart) {
    case '10':
      return { ...base, ags: land, kind: 'LAND', parentAgs: null };
    case '20':
    case '30':
      report.skip(source, line, 'administrative district', `${name}: Regierungsbezirk or statistical region, not a municipality`);
      return null;
    case '40': {
      const ags = land + digits(v.rb ?? '', 1, 'rb') + digits(v.kreis ?? '', 2, 'kreis');
      if (tk === '41' || tk === '42') {
        report.skip(source, line, 'kreisfreie Stadt at Kreis level', `${ags} ${name}: taken from its Gemeinde record ${ags}000`);
        return null;
      }
      if (!['43', '44', '45'].includes(tk)) throw new RowError(`unknown Kreis type (textkennzeichen) "${tk}"`);
      return { ...base, ags, kind: 'LANDKREIS', parentAgs: land };
    }
    case '50': {
      const kreis = land + digits(v.rb ?? '', 1, 'rb') + digits(v.kreis ?? '', 2, 'kreis');
      const ags = kreis + digits(v.vb ?? '', 4, 'vb');
      if (tk === '50') {
        report.skip(source, line, 'verbandsfreie Gemeinde', `${ags} ${name}: no Gemeindeverband to record`);
        return null;
      }
      if (!/^5[1-8]$/.test(tk)) throw new RowError(`unknown Gemeindeverband type (textkennzeichen) "${tk}"`);
      return { ...base, ags, kind: 'VERBAND', parentAgs: kreis };
    }
    case '60': {
      const kreis = land + digits(v.rb ?? '', 1, 'rb') + digits(v.kreis ?? '', 2, 'kreis');
      const ags = kreis + digits(v.gemeinde ?? '', 3, 'gemeinde');
      if (tk === '66') {
        report.skip(source, line, 'unincorporated area', `${ags} ${name}: gemeindefreies Gebiet, not a municipality`);
        return null;
      }
      const kind = GEMEINDE_KINDS[tk];
      if (!kind) throw new RowError(`unknown Gemeinde type (textkennzeichen) "${tk}"`);
      const postcode = (v.postleitzahl ?? '').trim();
      if (postcode && !/^\d{5}$/.test(postcode)) throw new RowError(`postleitzahl is not five digits: "${postcode}"`);
      const urbanisation = (v.verstaedterungschluessel ?? '').trim();
      if (urbanisation && !URBANISATION[urbanisation]) throw new RowError(`unknown verstaedterungschluessel "${urbanisation}"`);
      return {
        ...base,
        ags,
        kind,
        parentAgs: kind === 'KREISFREIE_STADT' ? land : kreis,
        verbandAgs: kreis + digits(v.vb ?? '', 4, 'vb'),
        population: population(v.bevoelkerung ?? ''),
        areaKm2: area(v.flaeche ?? ''),
        postcode: postcode || null,
        lon: degrees(v.laengengrad ?? '', 'laengengrad', 5.8, 15.1),
        lat: degrees(v.breitengrad ?? '', 'breitengrad', 47.2, 55.1),
        urbanisation: URBANISATION[urbanisation] ?? null,
      };
    }
    default:
      throw new RowError(`unknown record type (satzart) "${v.satzart}"`);
  }
}

const GEMEINDE_LEVEL = new Set<MunicipalityKind>(['STADT', 'GEMEINDE', 'KREISFREIE_STADT']);

/**
 * Checks keys and links across rows (no duplicate AGS, every parent present),
 * keeps Verband memberships that point at a real association, and gives
 * Länder, Kreise and Verbände the population, area and population-weighted
 * centre of their Gemeinden.
 */
function checkAndAggregate(units: Unit[], report: ImportReport, source: string): Unit[] {
  const byAgs = new Map<string, Unit>();
  for (const unit of units) {
    const seen = byAgs.get(unit.ags);
    if (seen) report.error(source, unit.line, 'duplicate AGS', `${unit.ags} also on line ${seen.line}`);
    else byAgs.set(unit.ags, unit);
  }
  for (const unit of byAgs.values()) {
    if (unit.parentAgs !== null && !byAgs.has(unit.parentAgs)) {
      report.error(source, unit.line, 'missing parent', `${unit.ags} ${unit.name}: the unit ${unit.parentAgs} it belongs to is not in the file`);
    }
    if (unit.verbandAgs !== null && byAgs.get(unit.verbandAgs)?.kind !== 'VERBAND') unit.verbandAgs = null;
  }

  const totals = new Map<string, { population: number; area: number; lat: number; lon: number; weight: number }>();
  const add = (ags: string | null, g: Unit) => {
    if (ags === null) return;
    const t = totals.get(ags) ?? { population: 0, area: 0, lat: 0, lon: 0, weight: 0 };
    const w = Math.max(g.population ?? 0, 1);
    t.population += g.population ?? 0;
    t.area += g.areaKm2 ?? 0;
    if (g.lat !== null && g.lon !== null) {
      t.lat += g.lat * w;
      t.lon += g.lon * w;
      t.weight += w;
    }
    totals.set(ags, t);
  };
  for (const g of byAgs.values()) {
    if (!GEMEINDE_LEVEL.has(g.kind)) continue;
    add(g.ags.slice(0, 2), g);
    if (g.kind !== 'KREISFREIE_STADT') add(g.ags.slice(0, 5), g);
    add(g.verbandAgs, g);
  }
  for (const unit of byAgs.values()) {
    const t = totals.get(unit.ags);
    if (GEMEINDE_LEVEL.has(unit.kind) || !t) continue;
    unit.population = t.population;
    unit.areaKm2 = Math.round(t.area * 100) / 100;
    if (t.weight > 0) {
      unit.lat = Math.round((t.lat / t.weight) * 1e6) / 1e6;
      unit.lon = Math.round((t.lon / t.weight) * 1e6) / 1e6;
    }
  }
  return [...byAgs.values()];
}

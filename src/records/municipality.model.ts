// Pure rules about municipalities: what follows from an AGS and a population.
import type { MunicipalityKind, SizeClass, State } from '../generated/graphql.js';

/** The Länder in the order of their two-digit codes (01 … 16). */
export const STATES: readonly State[] = [
  'SCHLESWIG_HOLSTEIN',
  'HAMBURG',
  'NIEDERSACHSEN',
  'BREMEN',
  'NORDRHEIN_WESTFALEN',
  'HESSEN',
  'RHEINLAND_PFALZ',
  'BADEN_WUERTTEMBERG',
  'BAYERN',
  'SAARLAND',
  'BERLIN',
  'BRANDENBURG',
  'MECKLENBURG_VORPOMMERN',
  'SACHSEN',
  'SACHSEN_ANHALT',
  'THUERINGEN',
];

/** The Land of an AGS, from its first two digits; null for a code that is no Land. */
export function stateOfAgs(ags: string): State | null {
  return STATES[Number(ags.slice(0, 2)) - 1] ?? null;
}

/** Size classes as the federal statistics (BBSR) draw them. */
export function sizeClassOf(population: number | null | undefined): SizeClass | null {
  if (population === null || population === undefined) return null;
  if (population >= 100_000) return 'GROSSSTADT';
  if (population >= 20_000) return 'MITTELSTADT';
  if (population >= 5_000) return 'KLEINSTADT';
  return 'LANDGEMEINDE';
}

/** Size classes describe towns and Gemeinden; Länder, Kreise and associations have none. */
export function sizeClassFor(kind: MunicipalityKind, population: number | null | undefined): SizeClass | null {
  return kind === 'STADT' || kind === 'GEMEINDE' || kind === 'KREISFREIE_STADT' ? sizeClassOf(population) : null;
}

/** Which kinds an AGS of each length can denote. */
const KINDS_BY_LENGTH: Record<number, readonly MunicipalityKind[]> = {
  2: ['LAND'],
  5: ['LANDKREIS', 'KREISFREIE_STADT'],
  8: ['STADT', 'GEMEINDE', 'KREISFREIE_STADT'],
  9: ['VERBAND'],
};

export const kindFitsAgs = (kind: MunicipalityKind, ags: string) => KINDS_BY_LENGTH[ags.length]?.includes(kind) ?? false;

/** The AGS keys that may hold the unit an AGS is part of, nearest first (a Gemeinde's Kreis, then its Land). */
export function parentCandidates(ags: string): string[] {
  switch (ags.length) {
    case 8:
    case 9:
      return [ags.slice(0, 5), ags.slice(0, 2)];
    case 5:
      return [ags.slice(0, 2)];
    default:
      return [];
  }
}

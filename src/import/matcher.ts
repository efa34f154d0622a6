// Resolving the sources' references to municipalities: AGS hints first, names within a Land second.
import type { MunicipalityKind } from '../generated/graphql.js';
import { nameKey } from '../kernel/text.js';
import type { Unit } from './register.js';

const GEMEINDE_LEVEL: readonly MunicipalityKind[] = ['STADT', 'GEMEINDE', 'KREISFREIE_STADT'];

/** Prefixes people write before a name, and which kind of unit they point to. */
const PREFIXES: [RegExp, readonly MunicipalityKind[]][] = [
  [/^(landkreis|kreis)\s+/, ['LANDKREIS']],
  [/^(vg|verbandsgemeinde|samtgemeinde|amt|verwaltungsgemeinschaft)\s+/, ['VERBAND']],
  [/^(gemeinde|stadt|landeshauptstadt|hansestadt|universitatsstadt)\s+/, GEMEINDE_LEVEL],
];

/** "Mayen, Stadt" → "mayen"; the register puts the type of place after a comma. */
const baseKey = (name: string) => nameKey(name.split(',')[0]!);

/** The words of a name, for "does this unit's name appear in that text". */
export const words = (text: string) => nameKey(text).split(/[\s,()/]+/).filter(Boolean);

export type Match = { unit: Unit } | { ambiguous: Unit[] } | { none: true };

export class Matcher {
  private readonly byAgs = new Map<string, Unit>();
  private readonly byName = new Map<string, Unit[]>();

  constructor(units: readonly Unit[]) {
    for (const u of units) {
      this.byAgs.set(u.ags, u);
      // Bilingual names ("Cottbus/Chóśebuz") are found by their first part too, and names with a
      // qualifier in parentheses ("Menden (Sauerland)") without it, as people write them.
      const key = baseKey(u.name);
      const keys = new Set([key, key.split('/')[0]!.trim(), key.replace(/\s*\(.*\)$/, '').trim()]);
      for (const k of keys) if (k) this.byName.set(k, [...(this.byName.get(k) ?? []), u]);
    }
  }

  get(ags: string): Unit | undefined {
    return this.byAgs.get(ags);
  }

  /**
   * An AGS hint as the register has it. A 5-digit hint of a kreisfreie Stadt
   * names the city, which the register keys by its 8-digit Gemeinde AGS.
   */
  resolveHint(hint: string): { unit: Unit; mapped: boolean } | null {
    const direct = this.byAgs.get(hint);
    if (direct && direct.kind !== 'VERBAND') return { unit: direct, mapped: false };
    const city = hint.length === 5 ? this.byAgs.get(`${hint}000`) : undefined;
    return city?.kind === 'KREISFREIE_STADT' ? { unit: city, mapped: true } : null;
  }

  /** A name within the given Länder (two-digit codes; none = all Germany), honouring a prefix such as "Landkreis" or "VG". */
  matchName(raw: string, lands: readonly string[]): Match {
    let key = nameKey(raw);
    let kinds: readonly MunicipalityKind[] = GEMEINDE_LEVEL;
    for (const [prefix, prefixKinds] of PREFIXES) {
      if (prefix.test(key)) {
        key = key.replace(prefix, '');
        kinds = prefixKinds;
        break;
      }
    }
    const found = (this.byName.get(baseKey(key)) ?? []).filter(
      (u) => kinds.includes(u.kind) && (lands.length === 0 || lands.includes(u.ags.slice(0, 2))),
    );
    if (found.length === 1) return { unit: found[0]! };
    return found.length > 1 ? { ambiguous: found } : { none: true };
  }

  /** True when the unit's own name appears among the words of any of the texts. */
  static named(unit: Unit, texts: readonly string[]): boolean {
    const first = words(baseKey(unit.name))[0];
    return first !== undefined && texts.some((t) => words(t).includes(first));
  }
}

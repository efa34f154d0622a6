// The reach graph and what is computed over it: pure functions over a
// snapshot, so the same code serves requests and the hand-computed tests.
import type { MunicipalityKind, ReachLinkKind, SizeClass, State } from '../../generated/graphql.js';
import { latestDay } from '../../kernel/partial-date.js';

export interface MunicipalityMeta {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  state: State;
  population: number;
  sizeClass: SizeClass | null;
  /** The Kreis it lies in: itself for a Kreis or kreisfreie Stadt, null for a Land or Verband. */
  kreis: string | null;
}

/**
 * A project, an event or a group of a programme: every two members are linked (a hyperedge). `date` null:
 * undated, always counted. A date the source gives only as a year or month is its last day (a year-only
 * "2021" is certain only by 31 Dec 2021).
 */
export interface Group {
  id: string;
  kind: 'PROJECT' | 'EVENT' | 'PROGRAMME_GROUP';
  date: string | null;
  members: string[];
  /** The funding programme of a project. */
  programme: string | null;
  /** Members through generated demo links only (attendance): counted only when a caller asks. */
  generatedMembers: string[];
}

/**
 * A link between two municipalities: an exchange link of the transfer office's four kinds, an adoption of a
 * solution from its origin (SOLUTION), or two users of one solution (SHARED_SOLUTION).
 */
export interface ExchangeLink {
  from: string;
  to: string;
  kind: Exclude<ReachLinkKind, 'PROJECT' | 'EVENT' | 'PROGRAMME_GROUP'>;
  since: string | null;
  /** A generated demo link: counted only when a caller asks. */
  generated: boolean;
  /** The solution (slug) of a SOLUTION or SHARED_SOLUTION link. */
  solution?: string | null;
}

/** A link of a German municipality with a city abroad. */
export interface AbroadLink {
  ags: string;
  partner: string;
  kind: ExchangeLink['kind'];
  since: string | null;
}

export interface Snapshot {
  version: number;
  loadedAt: string;
  municipalities: Map<string, MunicipalityMeta>;
  groups: Group[];
  exchanges: ExchangeLink[];
  abroad: AbroadLink[];
  /** Each municipality's direct topics (projects it runs, declared interests): for communities' dominant topics. */
  topicsOf: Map<string, string[]>;
}

export interface ReachOptions {
  seeds: string[];
  maxHops: number;
  kinds: ReadonlySet<ReachLinkKind>;
  /** YYYY-MM-DD: only links dated on or before; null: all. */
  asOf: string | null;
  /** Projects or events (`PROJECT:<id>`, `EVENT:<id>`) to leave out, e.g. the later events of the same day. */
  skip?: ReadonlySet<string>;
}

export interface Reached {
  ags: string;
  hops: number;
  /** How it was reached from the previous municipality of its path: "project:<id>", "event:<id>", "programme_group:<programme>:<group>", "exchange:<KIND>" or "solution:<slug>" / "shared_solution:<slug>". */
  via: string | null;
  parent: string | null;
}

const views = new WeakMap<Snapshot, Snapshot>();

/**
 * The snapshot as the analytics see it: sourced links only (the default), or
 * with the generated demo links too. The real view is made once per snapshot.
 */
export function viewOf(snapshot: Snapshot, includeGenerated: boolean): Snapshot {
  if (includeGenerated) {
    return {
      ...snapshot,
      groups: snapshot.groups.map((g) => ({ ...g, members: [...new Set([...g.members, ...g.generatedMembers])].sort(), generatedMembers: [] })),
    };
  }
  let real = views.get(snapshot);
  if (!real) {
    real = { ...snapshot, exchanges: snapshot.exchanges.filter((x) => !x.generated) };
    views.set(snapshot, real);
  }
  return real;
}

// A date counts once it is certain: a year-only "2023" on 31 Dec 2023, a month on its last day.
const counts = (date: string | null, asOf: string | null) => asOf === null || date === null || (latestDay(date) ?? date.slice(0, 10)) <= asOf;

/** Breadth-first reach from the seeds within maxHops; a project or event is one hop between any two of its members. */
export function reach(snapshot: Snapshot, options: ReachOptions): Map<string, Reached> {
  const groupsOf = new Map<string, Group[]>();
  for (const g of snapshot.groups) {
    if (!options.kinds.has(g.kind) || !counts(g.date, options.asOf) || options.skip?.has(`${g.kind}:${g.id}`)) continue;
    for (const m of g.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g]);
  }
  const linksOf = new Map<string, { to: string; kind: string; via: string }[]>();
  for (const x of snapshot.exchanges) {
    if (!options.kinds.has(x.kind) || !counts(x.since, options.asOf)) continue;
    const via = x.solution ? `${x.kind.toLowerCase()}:${x.solution}` : `exchange:${x.kind}`;
    linksOf.set(x.from, [...(linksOf.get(x.from) ?? []), { to: x.to, kind: x.kind, via }]);
    linksOf.set(x.to, [...(linksOf.get(x.to) ?? []), { to: x.from, kind: x.kind, via }]);
  }

  const reached = new Map<string, Reached>();
  let frontier = [...new Set(options.seeds)].filter((s) => snapshot.municipalities.has(s)).sort();
  for (const s of frontier) reached.set(s, { ags: s, hops: 0, via: null, parent: null });
  const expanded = new Set<string>();
  for (let hops = 1; hops <= options.maxHops && frontier.length > 0; hops++) {
    const next: string[] = [];
    const visit = (to: string, from: string, via: string) => {
      if (reached.has(to)) return;
      reached.set(to, { ags: to, hops, via, parent: from });
      next.push(to);
    };
    for (const u of frontier) {
      // Groups in a stable order (date, id), so the path reported is deterministic.
      for (const g of [...(groupsOf.get(u) ?? [])].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id))) {
        const groupKey = `${g.kind}:${g.id}`;
        if (expanded.has(groupKey)) continue;
        expanded.add(groupKey);
        for (const v of [...g.members].sort()) visit(v, u, `${g.kind.toLowerCase()}:${g.id}`);
      }
      for (const l of [...(linksOf.get(u) ?? [])].sort((a, b) => a.to.localeCompare(b.to) || a.kind.localeCompare(b.kind))) {
        visit(l.to, u, l.via);
      }
    }
    frontier = next.sort();
  }
  return reached;
}

/** The path from a seed to `ags`, seed first. */
export function pathTo(reached: ReadonlyMap<string, Reached>, ags: string): Reached[] {
  const path: Reached[] = [];
  for (let at = reached.get(ags); at; at = at.parent === null ? undefined : reached.get(at.parent)) path.unshift(at);
  return path;
}

const GEMEINDE_LEVEL = new Set<MunicipalityKind>(['STADT', 'GEMEINDE', 'KREISFREIE_STADT']);
const KREIS_LEVEL = new Set<MunicipalityKind>(['LANDKREIS', 'KREISFREIE_STADT']);

export interface Breakdown {
  key: string;
  reached: number;
  total: number;
  populationReached: number;
  populationTotal: number;
}

/**
 * Shares count Gemeinden (towns, Gemeinden, kreisfreie Städte): a Landkreis
 * or Verband that is reached counts as reached itself, but does not reach
 * its Gemeinden, and its population is not counted twice.
 */
export function summarise(snapshot: Snapshot, reached: ReadonlyMap<string, Reached>) {
  const all: Breakdown = { key: 'DE', reached: 0, total: 0, populationReached: 0, populationTotal: 0 };
  const byState = new Map<string, Breakdown>();
  const bySize = new Map<string, Breakdown>();
  const byKreis = new Map<string, Breakdown>();
  const add = (map: Map<string, Breakdown>, key: string, m: MunicipalityMeta, hit: boolean) => {
    const b = map.get(key) ?? { key, reached: 0, total: 0, populationReached: 0, populationTotal: 0 };
    b.total++;
    b.populationTotal += m.population;
    if (hit) {
      b.reached++;
      b.populationReached += m.population;
    }
    map.set(key, b);
  };
  for (const m of snapshot.municipalities.values()) {
    if (!GEMEINDE_LEVEL.has(m.kind)) continue;
    const hit = reached.has(m.ags);
    all.total++;
    all.populationTotal += m.population;
    if (hit) {
      all.reached++;
      all.populationReached += m.population;
    }
    add(byState, m.state, m, hit);
    add(bySize, m.sizeClass ?? 'UNKNOWN', m, hit);
    if (m.kreis) add(byKreis, m.kreis, m, hit);
  }
  const sorted = (map: Map<string, Breakdown>) => [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
  return { all, byState: sorted(byState), bySizeClass: sorted(bySize), byKreis: sorted(byKreis) };
}

/**
 * White spots: Kreise (Landkreise and kreisfreie Städte) where neither the
 * Kreis itself (e.g. a Landkreis running a project) nor any of its Gemeinden
 * is reached, largest population first.
 */
export function whiteSpots(snapshot: Snapshot, reached: ReadonlyMap<string, Reached>): { ags: string; population: number; gemeinden: number }[] {
  const { byKreis } = summarise(snapshot, reached);
  return byKreis
    .filter((b) => b.reached === 0 && !reached.has(b.key) && KREIS_LEVEL.has(snapshot.municipalities.get(b.key)?.kind ?? 'LAND'))
    .map((b) => ({ ags: b.key, population: b.populationTotal, gemeinden: b.total }))
    .sort((a, b) => b.population - a.population || a.ags.localeCompare(b.ags));
}

/** Länder with nothing reached, largest population first. */
export function whiteSpotStates(snapshot: Snapshot, reached: ReadonlyMap<string, Reached>): { state: string; population: number; gemeinden: number }[] {
  // A Land counts as reached when anything in it is, a Landkreis running a project included.
  const touched = new Set([...reached.keys()].map((ags) => snapshot.municipalities.get(ags)?.state));
  return summarise(snapshot, reached)
    .byState.filter((b) => b.reached === 0 && !touched.has(b.key as State))
    .map((b) => ({ state: b.key, population: b.populationTotal, gemeinden: b.total }))
    .sort((a, b) => b.population - a.population || a.state.localeCompare(b.state));
}

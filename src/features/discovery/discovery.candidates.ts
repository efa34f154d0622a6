// Who may be ranked for one request, from the per-version tables alone: the filter as parameters and as a
// test on the register table, the asker's profile for this request (its stored one, the interests it brings),
// and the candidates of each ranking — every municipality for the learned model, those sharing a topic for
// the formulas, the solutions that address the asker's topics.
import { z } from 'zod';
import { badInput } from '../../errors.js';
import type { MunicipalityKind, PeerFilter, SizeClass, State } from '../../generated/graphql.js';
import { latSchema, lonSchema, parse } from '../../kernel/validation.js';
import type { MunicipalityRecord } from '../../records/municipality.js';
import { MODEL_PROJECTS_PROGRAMME } from '../../records/project.model.js';
import { distanceKm, type Network } from './discovery.features.js';
import type { Profiles, ProfileSets, RegisterUnit, Solution, Solutions } from './discovery.profiles.js';
import { explainedProfileOf, type ExplainedProfile, type Profile, type Structure, type TopicBasis, type Via } from './discovery.scoring.js';

const filterSchema = z.object({
  radiusKm: z.number().positive('must be more than 0').max(1000, 'must be at most 1,000').nullish(),
  near: z.object({ lat: latSchema, lon: lonSchema }).nullish(),
});

/** The filter as statement parameters. */
export function filterParams(filter: PeerFilter | null | undefined): DiscoveryFilterParams {
  const f = parse(filterSchema, filter ?? {}, 'filter');
  if (f.near && f.radiusKm == null) throw badInput('`filter.near` needs `filter.radiusKm`.', { argument: 'filter.radiusKm' });
  return {
    state: filter?.state ?? null,
    kinds: filter?.kinds ?? null,
    sizeClasses: filter?.sizeClasses ?? null,
    center: f.near ?? null,
    radiusM: f.radiusKm == null ? null : f.radiusKm * 1000,
    programme: filter?.programmeMembersOnly ? MODEL_PROJECTS_PROGRAMME : null,
    excludeOwnKreis: filter?.excludeOwnKreis ?? false,
  };
}

export interface DiscoveryFilterParams {
  state: State | null;
  kinds: MunicipalityKind[] | null;
  sizeClasses: SizeClass[] | null;
  /** Centre of the radius; null: the asker's own position. */
  center: { lat: number; lon: number } | null;
  radiusM: number | null;
  /** Programme name when only its members count, else null. */
  programme: string | null;
  /** Leave out the asker's own Kreis (the first five AGS digits; a Land's whole territory). */
  excludeOwnKreis: boolean;
}

/** What the asker brings to one request: topics it cares about now, with or instead of its stored profile. */
export interface Asked {
  interests: readonly string[];
  interestsOnly: boolean;
  /** Rank over the profiles with inherited topics (on both sides) instead of the own ones. */
  inherited?: boolean;
}

export const profilesFor = (sets: ProfileSets, asked: Asked | undefined): Profiles => (asked?.inherited ? sets.inherited : sets.own);

/** Whether a municipality passes a discovery filter, seen from the asker `own`. */
export function passes(u: RegisterUnit, own: RegisterUnit, f: DiscoveryFilterParams): boolean {
  if (f.state !== null && u.structure.state !== f.state) return false;
  if (f.kinds !== null && !f.kinds.includes(u.structure.kind as MunicipalityKind)) return false;
  if (f.sizeClasses !== null && (u.structure.sizeClass === null || !f.sizeClasses.includes(u.structure.sizeClass as SizeClass))) return false;
  if (f.radiusM !== null) {
    const d = distanceKm(u, f.center ?? own);
    if (d === null || d * 1000 > f.radiusM) return false;
  }
  if (f.programme !== null && !u.programmes.has(f.programme)) return false;
  if (f.excludeOwnKreis && u.ags.startsWith(own.ags.slice(0, 5))) return false;
  return true;
}

/** The asker's profile for this request: the stored one (unless INTERESTS_ONLY) with the interests at weight 1. */
export function ownProfile(cache: Profiles, ags: string, asked: Asked): ExplainedProfile {
  const stored = asked.interestsOnly ? [] : (cache.contributionsOf.get(ags) ?? []);
  return explainedProfileOf([...stored, ...asked.interests.map((slug) => ({ slug, weight: 1, basis: 'INTEREST' as const }))], cache.parentOf);
}

/**
 * The asker's profile for this request and the candidates: every municipality whose profile shares a topic
 * (or its field) with it — or, when the asker has no topics at all, every municipality with any sourced
 * activity (a project, programme, solution in use, exchange link or declared interest).
 */
export function sharing(cache: Profiles, ags: string, asked: Asked = { interests: [], interestsOnly: false }): { own: ExplainedProfile; candidates: string[]; structureOnly: boolean } {
  const own = ownProfile(cache, ags, asked);
  const active = () => cache.active.filter((key) => key !== ags);
  if (own.profile.size === 0) return { own, candidates: active(), structureOnly: true };
  const found = new Set<string>();
  for (const slug of own.profile.keys()) for (const key of cache.holdersOf.get(slug) ?? []) if (key !== ags) found.add(key);
  const candidates = [...found];
  // Topics nobody else works on: answered by structure, as for no topics at all, rather than with nothing.
  return candidates.length > 0 ? { own, candidates, structureOnly: false } : { own, candidates: active(), structureOnly: true };
}

/** What ranking peers needs: the asker's profile and structure, the topics' rarity, and the candidates passing the filter. */
export interface PeerCandidates {
  own: MunicipalityRecord;
  ownProfile: ExplainedProfile;
  idf: (slug: string) => number;
  /** Requested interests that are no topic. */
  unknownInterests: string[];
  /** Nothing to compare topics by (no topics, or none anybody else has): rank by structure. */
  structureOnly: boolean;
  candidates: { key: string; profile: Profile; norm: number; via: ReadonlyMap<string, readonly Via[]>; bases: ReadonlyMap<string, readonly TopicBasis[]>; distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }[];
}

/** Peers' candidates from the per-version tables alone: the asker's profile, and those sharing a topic that pass the filter. */
export function peerCandidatesIn(cache: Profiles, ags: string, filter: DiscoveryFilterParams, asked?: Asked): Omit<PeerCandidates, 'own'> {
  const unknownInterests = (asked?.interests ?? []).filter((slug) => !cache.topics.has(slug));
  const { own, candidates, structureOnly } = sharing(cache, ags, unknownInterests.length > 0 ? undefined : asked);
  const asker = cache.unitOf.get(ags);
  const none = new Map<string, readonly Via[]>();
  const noBases = new Map<string, readonly TopicBasis[]>();
  const found: PeerCandidates['candidates'] = [];
  for (const key of candidates) {
    const u = cache.unitOf.get(key);
    if (!u || !asker || !passes(u, asker, filter)) continue;
    found.push({
      key,
      profile: cache.profileOf.get(key) ?? new Map<string, number>(),
      norm: cache.normOf.get(key) ?? 0,
      via: cache.viaOf.get(key) ?? none,
      bases: cache.basesOf.get(key) ?? noBases,
      distanceKm: distanceKm(asker, u),
      sizeClass: u.structure.sizeClass as SizeClass | null,
      structure: u.structure,
    });
  }
  return { ownProfile: own, idf: cache.idf, unknownInterests, structureOnly, candidates: found };
}

/** What the learned peer ranking needs for one request: the asker, its profile for it, the network and the candidates passing the filter. */
export interface ModelCandidates {
  own: MunicipalityRecord;
  ownProfile: ExplainedProfile;
  unknownInterests: string[];
  network: Network;
  candidates: string[];
  /** Per municipality, per topic it holds itself: what gives it the topic. */
  basesOf: ReadonlyMap<string, ReadonlyMap<string, readonly TopicBasis[]>>;
  unitOf: ReadonlyMap<string, RegisterUnit>;
}

/** The learned ranking's candidates from the per-version tables: every municipality but the Länder and the asker that passes the filter. */
export function modelCandidatesIn(sets: ProfileSets, network: Network, ags: string, filter: DiscoveryFilterParams, asked: Asked): Omit<ModelCandidates, 'own'> {
  const cache = profilesFor(sets, asked);
  const unknownInterests = asked.interests.filter((slug) => !cache.topics.has(slug));
  const profile = ownProfile(cache, ags, unknownInterests.length > 0 ? { interests: [], interestsOnly: false } : asked);
  const asker = cache.unitOf.get(ags);
  const candidates = !asker ? [] : network.candidates.filter((key) => {
    const u = cache.unitOf.get(key);
    return key !== ags && u !== undefined && passes(u, asker, filter);
  });
  return { ownProfile: profile, unknownInterests, network, candidates, basesOf: sets.own.basesOf, unitOf: cache.unitOf };
}

/**
 * The solutions an asker may adopt: those of others that address one of its topics — or, when none does (or
 * it has no topics), all of them, to be ranked by status and structure alone.
 */
export function solutionsFor(solutions: Solutions, ags: string, own: ExplainedProfile): { candidates: Solution[]; structureOnly: boolean; others: Solution[] } {
  const others = solutions.all.filter((x) => !x.runners.includes(ags));
  const wanted = own.profile;
  const matching = wanted.size === 0 ? [] : others.filter((x) => [...x.profile.keys()].some((t) => wanted.has(t)));
  return matching.length === 0 ? { candidates: others, structureOnly: true, others } : { candidates: matching, structureOnly: false, others };
}

/** What ranking learning partners needs: the asker, its profile for this request, and the solutions with their runners' structure. */
export interface LearningCandidates {
  own: MunicipalityRecord;
  ownProfile: ExplainedProfile;
  idf: (slug: string) => number;
  parentOf: ReadonlyMap<string, string>;
  unknownInterests: string[];
  /** Nothing to match topics by: rank by status and structure. */
  structureOnly: boolean;
  /** The solutions addressing one of the asker's topics (all of them when structureOnly). */
  solutions: Solution[];
  /** Every solution of a project the asker does not run (the learned model's candidates). */
  others: Solution[];
  /** The topics this request asks about (its `interests`): what addresses one of them comes first under the model. */
  interests: readonly string[];
  network: Network;
  /** The runners that pass the filter, with their structure and distance to the asker. */
  runners: Map<string, { distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }>;
}

/** Learning partners' candidates from the per-version tables alone: the solutions for the asker, and their lead runners that pass the filter. */
export function learningCandidatesIn(profiles: Profiles, solutions: Solutions, network: Network, ags: string, filter: DiscoveryFilterParams, asked: Asked): Omit<LearningCandidates, 'own'> {
  const unknownInterests = asked.interests.filter((slug) => !profiles.topics.has(slug));
  const own = ownProfile(profiles, ags, unknownInterests.length > 0 ? { interests: [], interestsOnly: false } : asked);
  const { candidates, structureOnly, others } = solutionsFor(solutions, ags, own);
  const asker = profiles.unitOf.get(ags);
  const runners = new Map<string, { distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }>();
  for (const key of new Set(others.map((x) => x.runners[0]!))) {
    const u = profiles.unitOf.get(key);
    if (u && asker && passes(u, asker, filter)) runners.set(key, { distanceKm: distanceKm(asker, u), sizeClass: u.structure.sizeClass as SizeClass | null, structure: u.structure });
  }
  return { ownProfile: own, idf: profiles.idf, parentOf: profiles.parentOf, unknownInterests, structureOnly, solutions: candidates, others, interests: asked.interests, network, runners };
}

export interface ProfileRow {
  key: string;
  direct: string[];
}

export interface Candidates<T> {
  ownDirect: string[];
  ownSizeClass: SizeClass | null;
  profiles: ProfileRow[];
  parents: [string, string][];
  candidates: { record: T; direct: string[]; distanceKm: number | null; sizeClass: SizeClass | null }[];
}

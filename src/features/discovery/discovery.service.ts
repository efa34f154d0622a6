// The rules of discovery: turn a filter into query parameters, score the
// candidates a repository statement returned, and page the ranking.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import type { ExplanationBasis, InheritanceSide, MeasureStatus, MunicipalityKind, PeerFilter, PeerProfile, PeerRanking, SearchType, SizeClass } from '../../generated/graphql.js';
import { pageInMemory, pageRequest, toConnection, type PageRequest } from '../../kernel/connection.js';
import { latSchema, lonSchema, parse, queryTextSchema, slugSchema } from '../../kernel/validation.js';
import { nameKey } from '../../kernel/text.js';
import { MODEL_PROJECTS_PROGRAMME } from '../../records/project.model.js';
import type { Loaders } from '../context.js';
import { gemeindePositionsOf, type Asked, type Candidates, type DiscoveryFilterParams, type DiscoveryRepository, type LearningCandidates, type PeerCandidates, type SearchLabel } from './discovery.repository.js';
import {
  combinedScore,
  coverage,
  norm,
  topicScore,
  learningScore,
  inverseDocumentFrequency,
  profileOf,
  rank,
  similarity,
  structuralSimilarity,
  type RankBy,
  type SharedTopic,
  type Structure,
  type StructureMatch,
  type TopicBasis,
} from './discovery.scoring.js';

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

/** Where an inherited shared topic comes from; `from` and `project` resolve through the loaders. */
export interface TopicInheritanceRecord {
  side: InheritanceSide;
  from: string;
  project: string;
}

/** A topic held only by inheritance; `topic` resolves from `slug`. */
export interface InheritedTopicRecord {
  slug: string;
  weight: number;
  via: TopicInheritanceRecord[];
}

/** A shared topic as the API returns it; `topic` resolves from `slug`. */
export interface SharedTopicRecord {
  slug: string;
  weight: number;
  rarity: number;
  via: TopicInheritanceRecord[];
  /** What gives each side the topic itself; empty for a side that only inherits it (and for a solution). */
  askerBases: readonly TopicBasis[];
  resultBases: readonly TopicBasis[];
}

/** Why a contact is suggested; `topic` is a slug that resolves through the loader. */
export interface ExpertReasonRecord {
  kind: 'EXPERTISE' | 'PROJECT' | 'EMPLOYER';
  topic: string;
}

export interface ExplanationRecord {
  basis: ExplanationBasis;
  sharedTopics: SharedTopicRecord[];
  topicScore: number;
  structure: StructureMatch | null;
  distanceKm: number | null;
  sizeClass: SizeClass | null;
  ownSizeClass: SizeClass | null;
}

export interface Explained<T> {
  cursor: string;
  node: T;
  score: number;
  explanation: ExplanationRecord;
}

/** One ranked result before paging: its order (`sort`, `key`) and everything its edge shows. */
interface RankedRow<N> {
  sort: number;
  key: string;
  node: N;
  /** Built for the page's rows only. */
  explain: () => Omit<ExplanationRecord, 'ownSizeClass'>;
}

const MAX_INTERESTS = 20;
const interestsSchema = z.array(slugSchema).max(MAX_INTERESTS, `at most ${MAX_INTERESTS} topics`);

/** A peer: the page's municipalities load through the municipality loader, in one batch. */
export type PeerEdgeRecord = Explained<{ ags: string }>;

/** Orders ranked rows by score (desc), then key (asc): a total order for paging. */
const byScore = <N>(rows: RankedRow<N>[]) => rows.sort((x, y) => y.sort - x.sort || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

/** One page of a ranking (after the cursor), each edge with its score and explanation. */
function explainedPage<N>(request: PageRequest, ranked: RankedRow<N>[], ownSizeClass: SizeClass | null) {
  const page = pageInMemory(request, ranked, 'DESC');
  return toConnection(request, page, (row, cursor): Explained<N> => ({ cursor, node: row.node, score: row.sort, explanation: { ...row.explain(), ownSizeClass } }));
}

type Bases = ReadonlyMap<string, readonly TopicBasis[]>;
const noBases: Bases = new Map();
const sharedTopics = (shared: readonly SharedTopic[], via: (slug: string) => TopicInheritanceRecord[] = () => [], asker: Bases = noBases, result: Bases = noBases): SharedTopicRecord[] =>
  shared.map((s) => ({ slug: s.slug, weight: s.weight, rarity: s.idf, via: via(s.slug), askerBases: asker.get(s.slug) ?? [], resultBases: result.get(s.slug) ?? [] }));

/** Scores the candidates (profiles gathered by one statement), orders them, and returns one page of the ranking. */
export function rankPage<T>(found: Candidates<T>, request: PageRequest, keyOf: (t: T) => string) {
  const parentOf = new Map(found.parents);
  const { idf } = inverseDocumentFrequency(found.profiles.map((p) => profileOf(p.direct, parentOf)));
  const ranked = rank(
    profileOf(found.ownDirect, parentOf),
    found.candidates.map((c) => ({ item: c, key: keyOf(c.record), profile: profileOf(c.direct, parentOf) })),
    idf,
  );
  const rows = ranked.map((r): RankedRow<T> => ({
    sort: r.similarity.score,
    key: r.key,
    node: r.item.record,
    explain: () => ({ basis: 'TOPICS', sharedTopics: sharedTopics(r.similarity.shared), topicScore: r.similarity.score, structure: null, distanceKm: r.item.distanceKm, sizeClass: r.item.sizeClass }),
  }));
  return explainedPage(request, rows, found.ownSizeClass);
}

/** A learning partner: node, project and runner load through the loaders, a page in one batch each. */
export interface LearningPartnerEdgeRecord {
  cursor: string;
  node: { type: 'Measure' | 'Project'; key: string };
  score: number;
  project: string;
  runner: string;
  explanation: {
    basis: ExplanationBasis;
    matchedTopics: SharedTopicRecord[];
    topicScore: number;
    status: MeasureStatus;
    statusAsOf: string | null;
    structure: StructureMatch;
    distanceKm: number | null;
  };
}

/** Solutions ranked for the asker: topic match, status and the runner's structure; by the last two alone when there is nothing to match. */
export function rankSolutions(found: LearningCandidates): (Omit<LearningPartnerEdgeRecord, 'cursor'> & { sort: number; key: string })[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownStructure: Structure = { population: found.own.population ?? null, sizeClass: found.own.sizeClass ?? null, urbanisation: found.own.urbanisation ?? null, kind: found.own.kind, state: found.own.state ?? null };
  const rows: (Omit<LearningPartnerEdgeRecord, 'cursor'> & { sort: number; key: string })[] = [];
  for (const x of found.solutions) {
    const runner = found.runners.get(x.runners[0]!);
    if (!runner) continue; // its runner does not pass the filter
    const match = structureOnly ? { score: 0, shared: [] } : coverage(own.profile, x.profile, found.idf);
    if (!structureOnly && match.score === 0) continue;
    const structure = structuralSimilarity(ownStructure, runner.structure, runner.distanceKm);
    const via = (slug: string): TopicInheritanceRecord[] => (own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v }));
    const key = `${x.type}:${x.key}`;
    rows.push({
      sort: learningScore(match.score, x.status, structure.score, structureOnly),
      key,
      node: { type: x.type, key: x.key },
      score: 0,
      project: x.project,
      runner: x.runners[0]!,
      explanation: {
        basis: structureOnly ? 'STRUCTURE_ONLY' : 'TOPICS_AND_STRUCTURE',
        matchedTopics: sharedTopics(match.shared, via, own.bases),
        topicScore: match.score,
        status: x.status,
        statusAsOf: x.statusAsOf,
        structure,
        distanceKm: runner.distanceKm,
      },
    });
  }
  return rows.sort((a, b) => b.sort - a.sort || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const BASIS: Record<RankBy, ExplanationBasis> = { TOPICS: 'TOPICS', STRUCTURE: 'STRUCTURE', BOTH: 'TOPICS_AND_STRUCTURE' };

/** Peers ranked by topics, structure or both; with no topics to compare, by structure alone (STRUCTURE_ONLY). */
export function rankPeers(found: PeerCandidates, rankBy: RankBy, structureShare?: number): RankedRow<{ ags: string }>[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownNorm = norm(own.profile, found.idf);
  const ownStructure: Structure = { population: found.own.population ?? null, sizeClass: found.own.sizeClass ?? null, urbanisation: found.own.urbanisation ?? null, kind: found.own.kind, state: found.own.state ?? null };
  const rows: RankedRow<{ ags: string }>[] = [];
  // Every candidate is scored (cheaply); only the page's rows are explained.
  for (const c of found.candidates) {
    const topics = structureOnly ? 0 : topicScore(own.profile, ownNorm, c.profile, c.norm, found.idf);
    if (!structureOnly && topics === 0) continue;
    const structure = structuralSimilarity(ownStructure, c.structure, c.distanceKm);
    rows.push({
      sort: structureOnly ? structure.score : combinedScore(topics, structure.score, rankBy, structureShare),
      key: c.key,
      node: { ags: c.key },
      explain: () => {
        const explained = structureOnly ? { score: 0, shared: [] } : similarity(own.profile, c.profile, found.idf);
        const via = (slug: string): TopicInheritanceRecord[] => [
          ...(own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v })),
          ...(c.via.get(slug) ?? []).map((v) => ({ side: 'RESULT' as const, ...v })),
        ];
        return {
          basis: structureOnly ? 'STRUCTURE_ONLY' : BASIS[rankBy],
          sharedTopics: sharedTopics(explained.shared, via, own.bases, c.bases),
          topicScore: topics,
          structure,
          distanceKm: c.distanceKm,
          sizeClass: c.sizeClass,
        };
      },
    });
  }
  return byScore(rows);
}

const SEARCH_LABELS: Record<SearchType, SearchLabel> = {
  MUNICIPALITY: 'Municipality',
  PROJECT: 'Project',
  TOPIC: 'Topic',
  CONTACT: 'Contact',
  ORGANIZATION: 'Organization',
  EVENT: 'Event',
  MEASURE: 'Measure',
  PROGRAMME: 'Programme',
  SOLUTION: 'Solution',
};
const SEARCH_FIELDS = ['name', 'nameEn', 'title', 'summary', 'description'] as const;

/**
 * Words the German analyzer drops from the index ("und", "der", "für", …): a
 * query word that is one of them could never match, and with AND would empty
 * the whole result, so they are left out of the query.
 */
const STOPWORDS = new Set(
  ('aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unse unsem unsen unser unses unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen').split(' '),
);

/**
 * The kind of unit people write before a name ("Landkreis Vulkaneifel", "Kreis Cochem-Zell", "Gemeinde Reit
 * im Winkl", "Stadt Mayen", "Amt Schwaan"), which the register does not write (it says "Vulkaneifel",
 * "Mayen, Stadt"): taken off the text, so the name alone is searched, and kept to put municipalities of that
 * kind first. Only a first word, and only with more words after it: "Kreis" alone is still searched as written.
 */
const KIND_WORDS: Readonly<Record<string, readonly MunicipalityKind[]>> = {
  landkreis: ['LANDKREIS'],
  kreis: ['LANDKREIS', 'KREISFREIE_STADT'],
  gemeinde: ['GEMEINDE', 'STADT'],
  ortsgemeinde: ['GEMEINDE'],
  markt: ['GEMEINDE', 'STADT'],
  stadt: ['STADT', 'KREISFREIE_STADT'],
  hansestadt: ['STADT', 'KREISFREIE_STADT'],
  landeshauptstadt: ['KREISFREIE_STADT', 'STADT'],
  amt: ['VERBAND'],
  verbandsgemeinde: ['VERBAND'],
  samtgemeinde: ['VERBAND'],
  verwaltungsgemeinschaft: ['VERBAND'],
};

export function kindPrefix(text: string): { text: string; kinds: readonly MunicipalityKind[] | null } {
  const m = /^\s*(\p{L}+)\s+(?=\S)/u.exec(text);
  const kinds = m ? KIND_WORDS[m[1]!.toLocaleLowerCase('de-DE')] : undefined;
  return kinds ? { text: text.slice(m![0].length), kinds } : { text, kinds: null };
}

/**
 * The full-text query for a user's text. Only letters and digits survive,
 * lower-cased (so AND/OR/NOT are words, not operators): nothing a user types
 * can change the query's structure. Every word must match, exactly (scored
 * highest), as a prefix, or with one typo.
 */
export function fullTextQuery(text: string): string | null {
  const words = text
    .toLocaleLowerCase('de-DE')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w))
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `(${[`${w}^3`, w.length >= 2 ? `${w}*` : null, w.length >= 4 ? `${w}~1` : null].filter(Boolean).join(' OR ')})`).join(' AND ');
}

/** The first field (name, nameEn, title, summary, description) whose text contains one of the words. */
export function matchedField(props: Record<string, unknown>, text: string): string {
  const words = nameKey(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const field of SEARCH_FIELDS) {
    const value = props[field];
    if (typeof value !== 'string') continue;
    const folded = nameKey(value);
    if (words.some((w) => folded.includes(w))) return field;
  }
  return SEARCH_FIELDS.find((f) => typeof props[f] === 'string') ?? 'name';
}

const searchSchema = z.object({
  text: queryTextSchema(1, 200),
  first: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'),
});
const expertsSchema = z.object({
  topics: z.array(slugSchema).min(1, 'name at least one topic').max(20, 'at most 20 topics'),
  near: z.object({ lat: latSchema, lon: lonSchema }).nullish(),
  radiusKm: z.number().positive('must be more than 0').max(1000, 'must be at most 1,000').nullish(),
});

const unknownInterests = (unknown: string[]) =>
  badInput(`\`interests\` names no topic for: ${unknown.join(', ')}. Use the slugs of \`topics\`.`, { argument: 'interests', unknown });

/** What the asker brings, from the `interests` and `profile` arguments. */
const asked = (interests: string[], profile: PeerProfile | null | undefined): Asked => ({
  interests,
  interestsOnly: profile === 'INTERESTS_ONLY',
  inherited: profile === 'INHERITED_AND_INTERESTS',
});

/**
 * A ranking's cursor order: the list and a digest of every argument the ranking depends on, so a cursor
 * continues only the ranking it came from (another municipality, filter, interests or profile: BAD_USER_INPUT).
 */
function rankingOrder(list: string, args: { ags: string; filter: PeerFilter | null | undefined; interests: string[]; profile: PeerProfile | null | undefined; rankBy?: PeerRanking }): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([args.ags, args.filter ?? null, [...args.interests].sort(), args.profile ?? 'STORED_AND_INTERESTS']))
    .digest('base64url')
    .slice(0, 12);
  return `${list}:${args.rankBy ?? ''}:${digest}`;
}

export interface LearningArgs {
  first?: number | null;
  after?: string | null;
  interests?: readonly string[] | null;
  profile?: PeerProfile | null;
}

export interface PeersArgs {
  first?: number | null;
  after?: string | null;
  interests?: readonly string[] | null;
  profile?: PeerProfile | null;
  rankBy?: PeerRanking | null;
}

/** `loaders`: the request's; their `dataVersion` is read once per request and forgotten after a write. */
export function discoveryService(repo: DiscoveryRepository, loaders: Pick<Loaders, 'dataVersion'>) {
  return {
    /** The keys of up to `limit` nodes of one label that match a text (for filters that take free text). */
    async searchKeys(text: string, label: SearchLabel, limit = 1000): Promise<string[]> {
      const query = fullTextQuery(text);
      if (query === null) return [];
      return (await repo.search(query, [label], limit)).map((h) => String(h.props.id ?? h.props.slug ?? h.props.ags));
    },

    async search(args: { text: string; types?: SearchType[] | null; first?: number | null }) {
      const { text, first } = parse(searchSchema, { text: args.text, first: args.first ?? 10 }, 'search');
      const named = kindPrefix(text);
      const query = fullTextQuery(named.text);
      if (query === null) return [];
      const labels = (args.types?.length ? args.types : (Object.keys(SEARCH_LABELS) as SearchType[])).map((t) => SEARCH_LABELS[t]);
      const hits = (await repo.search(query, labels, first)).map((h) => ({ node: h.record, score: h.score, matchedField: matchedField(h.props, named.text) }));
      // "Landkreis Vulkaneifel": municipalities of the kind named come first, each group as the index ranked it.
      const ofKind = (h: (typeof hits)[number]) => h.node.__typename === 'Municipality' && named.kinds!.includes(h.node.kind);
      return named.kinds === null ? hits : [...hits.filter(ofKind), ...hits.filter((h) => !ofKind(h))];
    },

    async experts(args: { topics: string[]; near?: { lat: number; lon: number } | null; radiusKm?: number | null; first?: number | null; after?: string | null }) {
      const request = pageRequest('experts', args, 'number');
      const e = parse(expertsSchema, args, 'experts');
      if (e.radiusKm != null && !e.near) throw badInput('`radiusKm` needs `near`.', { argument: 'radiusKm' });
      const found = await repo.experts([...new Set(e.topics)], e.near ?? null, e.radiusKm ?? null);
      // Nearest first (unknown distances last), then by name and id: a total order for paging.
      const NO_DISTANCE = 1e9;
      const sorted = found
        .map((f) => ({ ...f, sort: f.distanceKm ?? NO_DISTANCE, key: `${f.nameKey}\u0000${f.contact.uuid}` }))
        .sort((x, y) => x.sort - y.sort || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      const { rows: page, total } = pageInMemory(request, sorted, 'ASC');
      const rows = page.map((r) => ({ ...r, node: r.contact }));
      return toConnection(request, { rows, total }, (row, cursor) => ({
        cursor,
        node: row.contact,
        distanceKm: row.distanceKm,
        reasons: ([...row.reasons] as ExpertReasonRecord[]).sort((a, b) => a.kind.localeCompare(b.kind) || a.topic.localeCompare(b.topic)),
      }));
    },

    async peers(ags: string, filter: PeerFilter | null | undefined, args: PeersArgs) {
      const rankBy = args.rankBy ?? 'BOTH';
      const interests = [...new Set(parse(interestsSchema, args.interests ?? [], 'interests'))];
      const request = pageRequest(rankingOrder('peers', { ags, filter, interests, profile: args.profile, rankBy }), args, 'number');
      const found = await repo.peerCandidates(ags, filterParams(filter), asked(interests, args.profile));
      if (!found) throw notFound('Municipality', ags);
      if (found.unknownInterests.length > 0) throw unknownInterests(found.unknownInterests);
      return explainedPage(request, rankPeers(found, rankBy), found.own.sizeClass);
    },
    async learningPartners(ags: string, filter: PeerFilter | null | undefined, args: LearningArgs) {
      const interests = [...new Set(parse(interestsSchema, args.interests ?? [], 'interests'))];
      const request = pageRequest(rankingOrder('learningPartners', { ags, filter, interests, profile: args.profile }), args, 'number');
      const found = await repo.learningCandidates(ags, filterParams(filter), asked(interests, args.profile));
      if (!found) throw notFound('Municipality', ags);
      if (found.unknownInterests.length > 0) throw unknownInterests(found.unknownInterests);
      const page = pageInMemory(request, rankSolutions(found), 'DESC');
      return toConnection(request, page, (row, cursor): LearningPartnerEdgeRecord => ({ ...row, cursor, score: row.sort }));
    },
    /** What a municipality carries only by inheritance, heaviest first, then by slug. */
    async inheritedTopics(ags: string): Promise<InheritedTopicRecord[]> {
      const { viaOf, profileOf } = (await repo.profilesAt(await loaders.dataVersion.load('now'))).inherited;
      const via = viaOf.get(ags);
      if (!via) return [];
      const profile = profileOf.get(ags)!;
      return [...via]
        .map(([slug, from]) => ({ slug, weight: profile.get(slug) ?? 0, via: from.map((v) => ({ side: 'ASKER' as const, ...v })) }))
        .sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    },
    /** Every Gemeinde's position, from the register table kept per data version. */
    async gemeindePositions() {
      const profiles = await repo.profilesAt(await loaders.dataVersion.load('now'));
      return (profiles.positions ??= gemeindePositionsOf(profiles.own.unitOf));
    },
    async similarProjects(slug: string, filter: PeerFilter | null | undefined, args: { first?: number | null; after?: string | null }) {
      const request = pageRequest('similarProjects', args, 'number');
      const found = await repo.similarProjectCandidates(slug, filterParams(filter));
      if (!found) throw notFound('Project', slug);
      return rankPage(found, request, (p) => p.slug);
    },
  };
}

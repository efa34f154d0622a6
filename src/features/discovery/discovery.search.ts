// Search and experts: the full-text statement and the query built from a user's text (letters and digits
// only, so no input can change its structure), the kind of unit written before a name, and the contacts
// who know about a topic.
import { z } from 'zod';
import type { Access } from '../../auth/viewer.js';
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import { badInput } from '../../errors.js';
import type { MunicipalityKind, SearchType } from '../../generated/graphql.js';
import { pageInMemory, pageRequest, toConnection } from '../../kernel/connection.js';
import { nameKey } from '../../kernel/text.js';
import { latSchema, lonSchema, parse, queryTextSchema, slugSchema } from '../../kernel/validation.js';
import { CONTACT_FIELDS, CONTACT_SHOWN, toContact, type ContactRecord } from '../../records/contact.js';
import { toEvent, type EventRecord } from '../../records/event.js';
import { toMeasure, type MeasureRecord } from '../../records/measure.js';
import { toMunicipality, type MunicipalityRecord } from '../../records/municipality.js';
import { toOrganization, type OrganizationRecord } from '../../records/organization.js';
import { toProgramme, type ProgrammeRecord } from '../../records/programme.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { solutionProjection, toReusableSolution, type ReusableSolutionRecord } from '../../records/solution.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';

// The full-text index 'search' (German analyzer). The query string is built
// by the service from letters and digits only, so no input can inject syntax.
// Ties are broken by key, so equal scores come in a stable order.
export const SEARCH = cypher(
  'discovery.search',
  `CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
   WITH node, score WHERE any(l IN labels(node) WHERE l IN $labels) AND (NOT node:Contact OR ${CONTACT_SHOWN('node')})
   WITH node, score ORDER BY score DESC, coalesce(node.ags, node.id, node.slug) LIMIT $first
   RETURN score, [l IN labels(node) WHERE l IN $labels][0] AS type,
          CASE WHEN node:Contact THEN ${CONTACT_FIELDS('node')} WHEN node:Solution THEN ${solutionProjection('node')} ELSE node {.*} END AS node`,
);

// Contacts for topics (and their sub-topics), from the topics outward; the
// employer's position gives the distance.
export const EXPERTS = cypher(
  'discovery.experts',
  `MATCH (t:Topic) WHERE t.slug IN $topics
   MATCH (x:Topic) WHERE x = t OR (x)-[:SUBTOPIC_OF]->(t)
   CALL (x) {
     MATCH (x)<-[:EXPERT_IN]-(c:Contact) RETURN c, 'EXPERTISE' AS kind
     UNION
     MATCH (x)<-[:ADDRESSES]-(:Project)<-[:CONTACT_FOR]-(c:Contact) RETURN c, 'PROJECT' AS kind
     UNION
     MATCH (x)<-[:ADDRESSES]-(:Project)<-[:RUNS]-(:Municipality)<-[:WORKS_FOR]-(c:Contact) RETURN c, 'EMPLOYER' AS kind
     UNION
     MATCH (x)<-[:INTERESTED_IN]-(:Municipality)<-[:WORKS_FOR]-(c:Contact) RETURN c, 'EMPLOYER' AS kind
   }
   WITH c, kind, x WHERE ${CONTACT_SHOWN('c')}
   WITH c, collect(DISTINCT {kind: kind, topic: x.slug}) AS reasons
   OPTIONAL MATCH (c)-[:WORKS_FOR]->(e)
   WITH c, reasons, CASE WHEN $center IS NULL OR e.location IS NULL THEN null
                         ELSE point.distance(e.location, point({latitude: $center.lat, longitude: $center.lon})) / 1000.0 END AS distanceKm
   WHERE $radiusKm IS NULL OR (distanceKm IS NOT NULL AND distanceKm <= $radiusKm)
   RETURN ${CONTACT_FIELDS('c')} AS contact, c.nameKey AS nameKey, reasons, distanceKm`,
);

export type SearchLabel = 'Municipality' | 'Project' | 'Topic' | 'Contact' | 'Organization' | 'Event' | 'Measure' | 'Programme' | 'Solution';

export type SearchRecord = MunicipalityRecord | ProjectRecord | TopicRecord | ContactRecord | OrganizationRecord | EventRecord | MeasureRecord | ProgrammeRecord | ReusableSolutionRecord;

const TO_RECORD: Record<SearchLabel, (row: Row) => SearchRecord> = {
  Municipality: toMunicipality,
  Project: toProject,
  Topic: toTopic,
  Contact: toContact,
  Organization: toOrganization,
  Event: toEvent,
  Measure: toMeasure,
  Programme: toProgramme,
  Solution: toReusableSolution,
};

export function searchRepository(db: Database, { viewer }: Access) {
  return {
    search: (query: string, labels: SearchLabel[], first: number) =>
      db.read('discovery.search', async (tx) =>
        (await tx.run<{ score: number; type: SearchLabel; node: Row }>(SEARCH, { query, labels, first, viewer })).map((r) => ({
          score: r.score,
          props: r.node,
          record: TO_RECORD[r.type](r.node),
        })),
      ),

    experts: (topics: string[], center: { lat: number; lon: number } | null, radiusKm: number | null) =>
      db.read('discovery.experts', async (tx) =>
        (await tx.run<{ contact: Row; nameKey: string; reasons: { kind: string; topic: string }[]; distanceKm: number | null }>(EXPERTS, { topics, center, radiusKm, viewer })).map(
          (r): { contact: ContactRecord; nameKey: string; reasons: { kind: string; topic: string }[]; distanceKm: number | null } => ({
            contact: toContact(r.contact),
            nameKey: r.nameKey,
            reasons: r.reasons,
            distanceKm: r.distanceKm,
          }),
        ),
      ),
  };
}

/** Why a contact is suggested; `topic` is a slug that resolves through the loader. */
export interface ExpertReasonRecord {
  kind: 'EXPERTISE' | 'PROJECT' | 'EMPLOYER';
  topic: string;
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

/** Search and experts, as the discovery service offers them. */
export function searchService(repo: Pick<ReturnType<typeof searchRepository>, 'search' | 'experts'>) {
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
  };
}

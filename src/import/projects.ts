// The 73 model projects (mpsc.csv): one Project per row, RUNS links resolved
// against the register, every decision reported.
import type { FundingBound, RunnerRole } from '../generated/graphql.js';
import { foldName, nameKey } from '../kernel/text.js';
import type { CsvRecord } from './csv.js';
import { Matcher } from './matcher.js';
import { likelySuccessor, type PreviousUnit, type Unit } from './register.js';
import type { ImportReport } from './report.js';
import { profileKey, PROFILES_SOURCE, type PhaseImport, type ProfileImport } from './profiles.js';
import { mapTopics, type TopicMapping } from './taxonomy.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';

export const PROJECTS_SOURCE = 'mpsc.csv';
export const PROJECT_COLUMNS = ['name', 'municipality_kind', 'state', 'staffel_year', 'topics', 'source_url', 'project_title', 'partners', 'ags'] as const;
export { MODEL_PROJECTS_PROGRAMME as PROGRAMME } from '../records/project.model.js';

const CATEGORIES = new Set(['Großstadt', 'Mittelstadt', 'Kleinstadt/Landgemeinde', 'Interkommunale Kooperation/Landkreis']);

export interface ProjectImport {
  slug: string;
  /** Slugs an earlier rule gave it, still resolved by `project(slug:)`. */
  formerSlugs: string[];
  name: string;
  title: string | null;
  cohort: number;
  category: string;
  sources: string[];
  /** Topic slug → the source labels that led to it. */
  topics: Map<string, string[]>;
  runners: { ags: string; role: RunnerRole }[];
  fundingEur: number | null;
  fundingBound: FundingBound | null;
  fundingNote: string | null;
  topicsWording: string[];
  phase: PhaseImport | null;
  /** Every source of the row and of its profile, with file and line. */
  provenance: SourceRecord[];
  /** Flagship measures the profile names, and where. */
  flagships: string[];
  flagshipSources: SourceRecord[];
}

const slugOf = (folded: string) =>
  folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/** "Landkreis Mayen-Koblenz" → "landkreis-mayen-koblenz"; "Soest" → "soest", "Zwönitz" → "zwonitz". */
export const slugify = (text: string) => slugOf(foldName(text));

/**
 * The slug the import made before: from the search key, whose "oe" → "o" folding (for people who type
 * "muenchen") also ate a name's own letters ("Soest" → "sost", "neue" → "neu"). Kept only so that the
 * keys it gave out still find their project or measure (`formerSlugs`).
 */
export const formerSlugify = (text: string) => slugOf(nameKey(text));

const isWebUrl = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

export function parseProjects(
  records: readonly CsvRecord[],
  register: readonly Unit[],
  mapping: TopicMapping,
  profiles: ReadonlyMap<string, ProfileImport>,
  report: ImportReport,
  previous: ReadonlyMap<string, PreviousUnit> = new Map(),
): ProjectImport[] {
  const used = new Set<string>();
  const matcher = new Matcher(register);
  const landCodes = new Map(register.filter((u) => u.kind === 'LAND').map((u) => [u.name, u.ags]));
  const projects: ProjectImport[] = [];
  const slugs = new Map<string, number>();

  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(PROJECTS_SOURCE, line, 'invalid row', detail);
    const name = (v.name ?? '').trim();
    const year = Number(v.staffel_year);
    const category = (v.municipality_kind ?? '').trim();
    if (!name) fail('name is empty');
    if (![2019, 2020, 2021].includes(year)) fail(`staffel_year must be 2019, 2020 or 2021, got "${v.staffel_year}"`);
    if (!CATEGORIES.has(category)) fail(`unknown municipality_kind "${category}"`);
    const hints = (v.ags ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    for (const hint of hints) if (!/^(\d{5}|\d{8})$/.test(hint)) fail(`AGS hint "${hint}" is not 5 or 8 digits`);
    const states = (v.state ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    for (const state of states) if (!landCodes.has(state)) fail(`unknown Land "${state}"`);
    const sources = urlsOf(v.source_url);
    for (const url of sources) if (!isWebUrl(url)) fail(`source_url "${url}" is not a web address`);
    const topics = mapTopics(v.topics ?? '', mapping, report, PROJECTS_SOURCE, line);
    const profile = profiles.get(profileKey(name, year));
    if (!profile) fail(`${name} (${year}) has no row in ${PROFILES_SOURCE}`);
    const slug = `mpsc-${year}-${slugify(name)}`;
    const former = `mpsc-${year}-${formerSlugify(name)}`;
    if (slugs.has(slug)) fail(`gives the same key ${slug} as line ${slugs.get(slug)}`);
    if (report.errors.length > errors) continue;
    slugs.set(slug, line);

    const lands = [...new Set([...states.map((s) => landCodes.get(s)!), ...hints.map((h) => h.slice(0, 2))])];
    const partners = (v.partners ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const runners = resolveRunners({ line, name, hints, partners, lands }, matcher, report, (hint) => likelySuccessor(hint, previous, register));
    if (runners.length === 0) report.decide(PROJECTS_SOURCE, line, 'no municipality resolved', `${name}: imported without runners`);

    used.add(profileKey(name, year));
    // The profile's fields of action join the row's own topics; each link keeps every label that led to it.
    for (const [topic, labels] of profile!.topics) topics.set(topic, [...new Set([...(topics.get(topic) ?? []), ...labels])]);
    const own = (url: string): SourceRecord => ({ url, file: PROJECTS_SOURCE, line });
    const provenance = [...sources.map(own), ...urlsOf(v.topics_source_url).map(own), ...profile!.sources];
    projects.push({
      slug,
      formerSlugs: former === slug ? [] : [former],
      name,
      title: (v.project_title ?? '').trim() || null,
      cohort: year,
      category,
      sources: [...new Set(provenance.map((s) => s.url))],
      topics,
      runners,
      fundingEur: profile!.fundingEur,
      fundingBound: profile!.fundingBound,
      fundingNote: profile!.fundingNote,
      topicsWording: profile!.topicsWording,
      phase: profile!.phase,
      provenance,
      flagships: profile!.flagships,
      flagshipSources: profile!.flagshipSources,
    });
  }
  for (const [key, profile] of profiles) {
    if (!used.has(key)) report.error(PROFILES_SOURCE, profile.line, 'unknown project', `${key.split('|')[1]} (${key.split('|')[0]}) is not a row of ${PROJECTS_SOURCE}`);
  }
  return projects;
}

/**
 * The municipalities a row names. AGS hints are taken when the register has
 * them and their name fits the row; partners (or the row's own name) that no
 * hint covers are matched by name within the row's Länder. Nothing is guessed:
 * an ambiguous or unknown name is reported and left out.
 */
function resolveRunners(
  row: { line: number; name: string; hints: string[]; partners: string[]; lands: string[] },
  matcher: Matcher,
  report: ImportReport,
  successor: (hint: string) => Unit | null,
): { ags: string; role: RunnerRole }[] {
  const taken: Unit[] = [];
  const texts = [row.name, ...row.partners];
  const decide = (reason: string, detail: string) => report.decide(PROJECTS_SOURCE, row.line, reason, `${row.name}: ${detail}`);

  for (const hint of row.hints) {
    const resolved = matcher.resolveHint(hint);
    if (!resolved) {
      // A key gone through a merger: say which Gemeinde likely took it over, and still match by name only.
      const next = successor(hint);
      decide('AGS hint not in the register', `${hint}${next ? ` (likely successor: ${next.ags} ${next.name}, the nearest Gemeinde of the same Kreis; not applied)` : ''}; matching by name instead`);
      continue;
    }
    if (!Matcher.named(resolved.unit, texts)) {
      decide('AGS hint names another municipality', `${hint} is ${resolved.unit.name}; matching by name instead`);
      continue;
    }
    if (resolved.mapped) decide('Kreis-level AGS of a kreisfreie Stadt', `${hint} → ${resolved.unit.ags} ${resolved.unit.name}`);
    taken.push(resolved.unit);
  }

  // Names not covered by a hint: the partners, or, without partners, the row's own name.
  const names = row.partners.length > 0 ? row.partners : [row.name.replace(/\s*\(.*\)$/, '')];
  for (const text of names) {
    if (taken.some((u) => Matcher.named(u, [text]))) continue;
    const match = matcher.matchName(text, row.lands);
    if ('unit' in match) {
      if (!taken.includes(match.unit)) taken.push(match.unit);
      decide('matched by name', `"${text}" → ${match.unit.ags} ${match.unit.name}`);
    } else if ('ambiguous' in match) {
      decide('ambiguous name, not linked', `"${text}" could be ${match.ambiguous.map((u) => `${u.ags} ${u.name}`).join(' or ')}`);
    } else {
      decide('name not in the register, not linked', `"${text}"`);
    }
  }
  return taken.map((u, i) => ({ ags: u.ags, role: i === 0 ? 'LEAD' : 'PARTNER' }));
}

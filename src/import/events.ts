// The programme's events (events.csv): dated events and standing formats, hosts
// and the municipalities a source names as taking part, resolved by name.
import type { EventFormat, EventKind } from '../generated/graphql.js';
import type { EventRecord } from '../records/event.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import type { NameResolver } from './names.js';
import type { ImportReport } from './report.js';
import { mapTopics, type TopicMapping } from './taxonomy.js';

export const EVENTS_SOURCE = 'events.csv';
export const EVENT_COLUMNS = [
  'id', 'title', 'kind', 'date', 'end_date', 'format', 'host', 'host_mpsc', 'participants', 'topics',
  'participating_municipalities', 'participating_source_url', 'source_url', 'notes',
] as const;

const KINDS = new Set<string>(['REGIONAL_CONFERENCE', 'CONGRESS', 'EXPERT_FORUM', 'WEBINAR', 'WORKSHOP', 'PEER_LEARNING', 'WORKING_GROUP', 'OTHER']);
const FORMATS = new Set<string>(['VIRTUAL', 'ONSITE', 'HYBRID']);

type Actor = { ags: string } | { organization: string };

export interface AttendanceImport {
  actor: Actor;
  note: string | null;
  sources: SourceRecord[];
}

/** An event as the import writes it: the API's record (without the instant, set from the day) plus its links. */
export type EventImport = Omit<EventRecord, '__typename' | 'startsAt'> & {
  hosts: Actor[];
  topics: Map<string, string[]>;
  attendance: AttendanceImport[];
};

// A real day: Date.parse alone accepts 2022-02-30.
const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** `a; b` with `;` inside parentheses kept together. */
function entries(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function parseEvents(records: readonly CsvRecord[], names: NameResolver, mapping: TopicMapping, report: ImportReport): EventImport[] {
  const events: EventImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(EVENTS_SOURCE, line, 'invalid row', detail);
    const slug = (v.id ?? '').trim();
    const title = (v.title ?? '').trim();
    const kind = (v.kind ?? '').trim();
    const date = (v.date ?? '').trim();
    const endDate = (v.end_date ?? '').trim();
    const format = (v.format ?? '').trim();
    const participants = (v.participants ?? '').trim();
    const urls = urlsOf(v.source_url);
    const participantUrls = urlsOf(v.participating_source_url);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`id "${slug}" is not a slug`);
    if (!title) fail('title is empty');
    if (!KINDS.has(kind)) fail(`unknown kind "${kind}"`);
    if (date && !isDay(date)) fail(`date "${date}" is not a day as YYYY-MM-DD`);
    if (endDate && !isDay(endDate)) fail(`end_date "${endDate}" is not a day as YYYY-MM-DD`);
    if (endDate && !date) fail('end_date without date');
    if (date && endDate && endDate < date) fail(`end_date ${endDate} is before date ${date}`);
    if (seen.has(slug)) fail(`id "${slug}" is also on line ${seen.get(slug)}`);
    if (format && !FORMATS.has(format)) fail(`unknown format "${format}"`);
    if (participants && !/^\d+$/.test(participants)) fail(`participants "${participants}" is not a whole number`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of [...urls, ...participantUrls]) if (!/^https?:\/\/\S+$/.test(url)) fail(`source URL "${url}" is not a web address`);
    const topics = mapTopics(v.topics ?? '', mapping, report, EVENTS_SOURCE, line);
    if (report.errors.length > errors) continue;
    seen.set(slug, line);

    const here = (url: string): SourceRecord => ({ url, file: EVENTS_SOURCE, line });
    const hostProjects = entries(v.host_mpsc ?? '');
    const lands = [...new Set(hostProjects.flatMap((p) => names.landsOfProject(p)))];
    const actor = (text: string, what: 'host' | 'participant'): { actor: Actor; note: string | null } | null => {
      const r = names.resolve(text, lands);
      if (r.kind === 'municipality') {
        report.decide(EVENTS_SOURCE, line, `${what} matched by name`, `"${text}" → ${r.ags} ${r.name}${r.note ? ` (${r.note})` : ''}`);
        return { actor: { ags: r.ags }, note: r.note };
      }
      if (r.kind === 'abroad') return { actor: { organization: r.slug }, note: r.note };
      // Outside the host's Länder, a participant may come from anywhere in Germany.
      if (lands.length > 0) {
        const anywhere = names.resolve(text);
        if (anywhere.kind === 'municipality') {
          report.decide(EVENTS_SOURCE, line, `${what} matched by name`, `"${text}" → ${anywhere.ags} ${anywhere.name}${anywhere.note ? ` (${anywhere.note})` : ''}`);
          return { actor: { ags: anywhere.ags }, note: anywhere.note };
        }
      }
      const detail = r.kind === 'ambiguous' ? `"${text}" could be ${r.candidates.join(' or ')}` : `"${text}"`;
      report.decide(EVENTS_SOURCE, line, `${what} not resolved, not linked`, detail);
      return null;
    };
    const hosts: Actor[] = [];
    for (const text of entries(v.host ?? '')) {
      const found = actor(text, 'host');
      if (found && !hosts.some((h) => JSON.stringify(h) === JSON.stringify(found.actor))) hosts.push(found.actor);
    }
    const attendance: AttendanceImport[] = [];
    // Attendance is a fact only with a source that names it: the participants' own source, else the event's.
    const attendanceSources = (participantUrls.length > 0 ? participantUrls : urls).map(here);
    for (const text of entries(v.participating_municipalities ?? '')) {
      const found = actor(text, 'participant');
      if (!found || attendance.some((a) => JSON.stringify(a.actor) === JSON.stringify(found.actor))) continue;
      attendance.push({ ...found, sources: attendanceSources });
    }

    events.push({
      slug,
      title,
      kind: kind as EventKind,
      startsOn: date || null,
      endsOn: endDate || null,
      format: (format || null) as EventFormat | null,
      participantCount: participants ? Number(participants) : null,
      url: urls[0] ?? null,
      notes: (v.notes ?? '').trim() || null,
      hosts,
      topics,
      attendance,
      sources: urls.map(here),
    });
  }
  return events;
}

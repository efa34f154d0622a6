// The programme's known events (events.csv), hosts resolved against the register.
import type { EventFormat, EventKind } from '../generated/graphql.js';
import type { EventRecord } from '../modules/event/event.record.js';
import type { CsvRecord } from './csv.js';
import { Matcher } from './matcher.js';
import type { Unit } from './register.js';
import type { ImportReport } from './report.js';
import { mapTopics } from './taxonomy.js';

export const EVENTS_SOURCE = 'events.csv';
export const EVENT_COLUMNS = ['id', 'title', 'kind', 'date', 'format', 'host', 'participants', 'topics', 'source_url'] as const;

const KINDS = new Set<string>(['REGIONAL_CONFERENCE', 'CONGRESS', 'EXPERT_FORUM', 'WEBINAR', 'WORKSHOP', 'OTHER']);
const FORMATS = new Set<string>(['VIRTUAL', 'ONSITE', 'HYBRID']);

/** An event as the import writes it: the API's record plus its hosts (AGS) and mapped topics. */
export type EventImport = Omit<EventRecord, '__typename'> & { hosts: string[]; topics: Map<string, string[]> };

export function parseEvents(
  records: readonly CsvRecord[],
  register: readonly Unit[],
  mapping: ReadonlyMap<string, string[]>,
  report: ImportReport,
): EventImport[] {
  const matcher = new Matcher(register);
  const events: EventImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(EVENTS_SOURCE, line, 'invalid row', detail);
    const slug = (v.id ?? '').trim();
    const title = (v.title ?? '').trim();
    const kind = (v.kind ?? '').trim();
    const date = (v.date ?? '').trim();
    const format = (v.format ?? '').trim();
    const participants = (v.participants ?? '').trim();
    const url = (v.source_url ?? '').trim();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`id "${slug}" is not a slug`);
    if (!title) fail('title is empty');
    if (!KINDS.has(kind)) fail(`unknown kind "${kind}"`);
    // A real day: Date.parse alone accepts 2022-02-30.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      fail(`date "${date}" is not a day as YYYY-MM-DD`);
    }
    if (seen.has(slug)) fail(`id "${slug}" is also on line ${seen.get(slug)}`);
    if (format && !FORMATS.has(format)) fail(`unknown format "${format}"`);
    if (participants && !/^\d+$/.test(participants)) fail(`participants "${participants}" is not a whole number`);
    if (url && !/^https?:\/\//.test(url)) fail(`source_url "${url}" is not a web address`);
    const topics = mapTopics(v.topics ?? '', mapping, report, EVENTS_SOURCE, line);
    if (report.errors.length > errors) continue;
    seen.set(slug, line);

    events.push({
      slug,
      title,
      kind: kind as EventKind,
      // The sources give the day only: midnight UTC keeps the date in every European time zone.
      startsAt: `${date}T00:00:00.000Z`,
      format: (format || null) as EventFormat | null,
      participantCount: participants ? Number(participants) : null,
      url: url || null,
      hosts: resolveHosts(v.host ?? '', line, matcher, report),
      topics,
    });
  }
  return events;
}

/** "Lemgo (05766044); Kalletal": hosts with an AGS hint, or by name within the Land of the others. */
function resolveHosts(raw: string, line: number, matcher: Matcher, report: ImportReport): string[] {
  const entries = raw.split(';').map((s) => s.trim()).filter(Boolean).map((text) => {
    const m = /^(.*?)\s*\((\d{5}|\d{8})\)$/.exec(text);
    return { text, name: m ? m[1]! : text, hint: m ? m[2]! : null };
  });
  const lands = [...new Set(entries.flatMap((e) => (e.hint ? [e.hint.slice(0, 2)] : [])))];
  const hosts: string[] = [];
  for (const { text, name, hint } of entries) {
    const resolved = hint ? matcher.resolveHint(hint) : null;
    if (resolved) {
      hosts.push(resolved.unit.ags);
      continue;
    }
    const match = matcher.matchName(name, lands);
    if ('unit' in match) {
      hosts.push(match.unit.ags);
      report.decide(EVENTS_SOURCE, line, 'host matched by name', `"${text}" → ${match.unit.ags} ${match.unit.name}`);
    } else {
      report.decide(EVENTS_SOURCE, line, 'host not resolved, not linked', `"${text}"`);
    }
  }
  return hosts;
}

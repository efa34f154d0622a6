// The event records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { EventFormat, EventKind } from '../generated/graphql.js';
import { toSources, type SourceRecord } from '../kernel/source.js';
import { berlinDay } from '../kernel/time.js';
import type { ActorRecord } from './actor.js';

export interface EventRecord {
  __typename: 'Event';
  slug: string;
  title: string;
  kind: EventKind;
  /** ISO instant; null for a standing format without a date. */
  startsAt: string | null;
  startsOn: string | null;
  endsOn: string | null;
  format: EventFormat | null;
  participantCount: number | null;
  url: string | null;
  notes: string | null;
  sources: SourceRecord[];
}

/** The key of a municipality's or organization's event list, with its switches. */
export interface EventListKey {
  key: string;
  generated: boolean;
  standing: boolean;
}

export interface AttendanceRecord {
  attendee: ActorRecord;
  generated: boolean;
  note: string | null;
  sources: SourceRecord[];
}

export const toEvent = (p: Row): EventRecord => {
  const startsAt = (p.startsAt as string | null) ?? null;
  return {
    __typename: 'Event',
    slug: p.id as string,
    title: p.title as string,
    kind: p.kind as EventKind,
    startsAt,
    // Events entered through the API have an instant only: their day is the day in Germany.
    startsOn: (p.startsOn as string | null) ?? (startsAt ? berlinDay(startsAt) : null),
    endsOn: (p.endsOn as string | null) ?? null,
    format: (p.format as EventFormat | null) ?? null,
    participantCount: (p.participantCount as number | null) ?? null,
    url: (p.url as string | null) ?? null,
    notes: (p.notes as string | null) ?? null,
    sources: toSources(p),
  };
};

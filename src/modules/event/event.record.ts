// The event records the API hands around: plain values, no driver types.
import type { Row } from '../../db/database.js';
import type { EventFormat, EventKind } from '../../generated/graphql.js';

export interface EventRecord {
  __typename: 'Event';
  slug: string;
  title: string;
  kind: EventKind;
  startsAt: string;
  format: EventFormat | null;
  participantCount: number | null;
  url: string | null;
}

export const toEvent = (p: Row): EventRecord => ({
  __typename: 'Event',
  slug: p.id as string,
  title: p.title as string,
  kind: p.kind as EventKind,
  startsAt: p.startsAt as string,
  format: (p.format as EventFormat | null) ?? null,
  participantCount: (p.participantCount as number | null) ?? null,
  url: (p.url as string | null) ?? null,
});

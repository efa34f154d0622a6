// Contact points as the API hands them around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { ChannelBasis } from '../generated/graphql.js';
import { parsePartialDate, type PartialDateRecord } from '../kernel/partial-date.js';
import { toSources, type SourceRecord } from '../kernel/source.js';

export interface ContactPointRecord {
  projectSlug: string;
  /** The runners whose office it is, in the source's order. */
  municipalityAgs: string[];
  municipalityWording: string;
  unit: string | null;
  email: string | null;
  emailBasis: ChannelBasis | null;
  phone: string | null;
  phoneBasis: ChannelBasis | null;
  web: string | null;
  contactPage: string | null;
  asOf: PartialDateRecord | null;
  note: string | null;
  sources: SourceRecord[];
}

/** A contact point node with `project` (its project's slug) and `offices` (AGS in order) added by the statement. */
export const toContactPoint = (p: Row): ContactPointRecord => ({
  projectSlug: p.project as string,
  municipalityAgs: (p.offices as string[] | null) ?? [],
  municipalityWording: p.municipalityWording as string,
  unit: (p.unit as string | null) ?? null,
  email: (p.email as string | null) ?? null,
  emailBasis: (p.emailBasis as ChannelBasis | null) ?? null,
  phone: (p.phone as string | null) ?? null,
  phoneBasis: (p.phoneBasis as ChannelBasis | null) ?? null,
  web: (p.web as string | null) ?? null,
  contactPage: (p.contactPage as string | null) ?? null,
  asOf: parsePartialDate(p.asOf as string | null),
  note: (p.note as string | null) ?? null,
  sources: toSources(p),
});

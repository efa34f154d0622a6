// The contact records, and the one Cypher projection through which contacts leave the database.
import type { Row } from '../../db/database.js';
import type { Visibility } from '../../generated/graphql.js';

export interface ContactRecord {
  __typename: 'Contact';
  uuid: string;
  name: string;
  role: string | null;
  /** Null unless the viewer may see it (decided in CONTACT_FIELDS). */
  email: string | null;
  phone: string | null;
  visibility: Visibility;
  consentAt: string | null;
}

/**
 * The projection of a contact used by every statement that returns one.
 * Anonymous viewers (all viewers until accounts exist) see e-mail and phone
 * only of PUBLIC contacts who consented; the rule lives here, in the query,
 * so no path can return more.
 */
export const CONTACT_FIELDS = (c: string) =>
  `${c} {.id, .name, .role, .visibility, .consentAt,
     email: CASE WHEN ${c}.visibility = 'PUBLIC' AND ${c}.consentAt IS NOT NULL THEN ${c}.email END,
     phone: CASE WHEN ${c}.visibility = 'PUBLIC' AND ${c}.consentAt IS NOT NULL THEN ${c}.phone END}`;

export const toContact = (p: Row): ContactRecord => ({
  __typename: 'Contact',
  uuid: p.id as string,
  name: p.name as string,
  role: (p.role as string | null) ?? null,
  email: (p.email as string | null) ?? null,
  phone: (p.phone as string | null) ?? null,
  visibility: p.visibility as Visibility,
  consentAt: (p.consentAt as string | null) ?? null,
});

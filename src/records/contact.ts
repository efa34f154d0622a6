// The contact records, and the one Cypher projection through which contacts leave the database.
import type { ViewerParams } from '../auth/viewer.js';
import { cypher, type Statement } from '../db/cypher.js';
import type { Row, Tx } from '../db/database.js';
import { notFound } from '../errors.js';
import { ensureExist, listStatement } from '../kernel/batch.js';
import type { CappedList } from '../kernel/list-caps.js';
import type { Visibility } from '../generated/graphql.js';

export interface ContactRecord {
  __typename: 'Contact';
  uuid: string;
  name: string;
  role: string | null;
  /** Null unless the viewer may see it (decided in CONTACT_FIELDS, in the Cypher). */
  email: string | null;
  phone: string | null;
  visibility: Visibility;
  consentAt: string | null;
}

/*
 * The privacy rule, in Cypher, for every statement that returns a contact.
 * Each such statement takes the `$viewer` parameter (viewerParams in
 * src/auth/viewer.ts): `{admin, signedIn, ags}`.
 *
 * Shown at all: to admins; to the contact's own municipality (a member whose
 * `ags` it works for); to everyone else only once the person has consented.
 * E-mail and phone, beyond that: PUBLIC to everyone, MEMBERS to signed-in
 * people (not to API keys or anonymous callers), PRIVATE to the own
 * municipality and admins only — and never without consent.
 * Written as CASE, which Cypher evaluates lazily: the own-municipality
 * lookup runs only for a member, and only when nothing cheaper decided.
 */
const OWN = (c: string) => `EXISTS { (${c})-[:WORKS_FOR]->(:Municipality {ags: $viewer.ags}) }`;

/** True when the viewer may see the contact `c` at all: put it in the WHERE of every contact read. */
export const CONTACT_SHOWN = (c: string) =>
  `(CASE WHEN $viewer.admin OR ${c}.consentAt IS NOT NULL THEN true WHEN $viewer.ags IS NULL THEN false ELSE ${OWN(c)} END)`;

const DETAILS_SHOWN = (c: string) =>
  `(CASE WHEN $viewer.admin THEN true
         WHEN ${c}.consentAt IS NOT NULL AND (${c}.visibility = 'PUBLIC' OR (${c}.visibility = 'MEMBERS' AND $viewer.signedIn)) THEN true
         WHEN $viewer.ags IS NULL THEN false
         ELSE ${OWN(c)} END)`;

/** The projection through which contacts leave the database: e-mail and phone only where DETAILS_SHOWN holds. */
export const CONTACT_FIELDS = (c: string) =>
  `${c} {.id, .name, .role, .visibility, .consentAt,
     email: CASE WHEN ${DETAILS_SHOWN(c)} THEN ${c}.email END,
     phone: CASE WHEN ${DETAILS_SHOWN(c)} THEN ${c}.phone END}`;

/** A batched list of contacts per key (`pattern` binds them as `x`), by name, with the privacy rule applied. */
export const contactListStatement = (name: string, field: CappedList, pattern: string): Statement =>
  listStatement(name, field, pattern, 'x.nameKey, x.id', CONTACT_FIELDS('x'), CONTACT_SHOWN('x'));

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

const SHOWN = cypher('contact.shown', `OPTIONAL MATCH (c:Contact {id: $id}) RETURN c IS NOT NULL AND ${CONTACT_SHOWN('c')} AS shown`);

/**
 * NOT_FOUND unless the contact exists and `viewer` may see it, so every operation on a contact answers a hidden
 * one exactly as a made-up id (no FORBIDDEN that would tell it exists). In a write the contact is locked first,
 * so it cannot vanish before the transaction ends.
 */
export async function ensureContactShown(tx: Tx, id: string, viewer: ViewerParams): Promise<void> {
  if (tx.mode === 'WRITE') await ensureExist(tx, { Contact: [id] });
  const [row] = await tx.run<{ shown: boolean }>(SHOWN, { id, viewer });
  if (row?.shown !== true) throw notFound('Contact', id);
}

// Actors: municipalities and organizations, which host and attend events and employ contacts.
// A relationship to "an actor" points at either label; these helpers keep that in one place.
import { cypher, type Statement } from '../db/cypher.js';
import type { Row, Tx } from '../db/database.js';
import { toMunicipality, type MunicipalityRecord } from './municipality.js';
import { toOrganization, type OrganizationRecord } from './organization.js';
import { ensureExist } from '../kernel/batch.js';
import type { ActorRef } from '../kernel/validation.js';

export type ActorRecord = MunicipalityRecord | OrganizationRecord;

/** The Cypher expression naming an actor's type, for rows read back with `toActor`. */
export const ACTOR_TYPE = (a: string) => `CASE WHEN ${a}:Municipality THEN 'Municipality' ELSE 'Organization' END`;

/** A `{type, node}` row as a record. */
export const toActor = (r: Row): ActorRecord => (r.type === 'Municipality' ? toMunicipality(r.node as Row) : toOrganization(r.node as Row));

/** Parameters `$ags` and `$organization` of an actor reference; one of them is null. */
export const actorParams = (actor: ActorRef | null) => ({ ags: actor?.ags ?? null, organization: actor?.organization ?? null });

/** NOT_FOUND unless the actor exists; nothing to check for null. */
export async function ensureActor(tx: Tx, actor: ActorRef | null): Promise<void> {
  if (actor?.ags !== undefined) await ensureExist(tx, { Municipality: [actor.ags] });
  if (actor?.organization !== undefined) await ensureExist(tx, { Organization: [actor.organization] });
}

/** `OPTIONAL MATCH`es binding the actor of $ags / $organization as `actor` (null when neither is given). */
const MATCH_ACTOR = `OPTIONAL MATCH (m:Municipality {ags: $ags})
   OPTIONAL MATCH (o:Organization {id: $organization})
   WITH *, coalesce(m, o) AS actor`;

/**
 * A statement that replaces the one `rel` link from the node `(:label {id: $id})`
 * to an actor: the old link goes, a link to $ags or $organization (if given) comes.
 */
export function replaceActorLink(name: string, label: string, rel: string): Statement {
  return cypher(
    name,
    `MATCH (x:${label} {id: $id})
     OPTIONAL MATCH (x)-[old:${rel}]->()
     DELETE old
     WITH DISTINCT x
     ${MATCH_ACTOR}
     FOREACH (_ IN CASE WHEN actor IS NULL THEN [] ELSE [1] END | CREATE (x)-[:${rel}]->(actor))`,
  );
}

/** A statement that adds (MERGE) an actor's `rel` link to `(:label {id: $id})`. */
export function addActorLink(name: string, rel: string, label: string): Statement {
  return cypher(
    name,
    `MATCH (x:${label} {id: $id})
     ${MATCH_ACTOR}
     FOREACH (_ IN CASE WHEN actor IS NULL THEN [] ELSE [1] END | MERGE (actor)-[:${rel}]->(x))`,
  );
}

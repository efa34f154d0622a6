// Who may change what, decided by Cypher inside the write transaction itself,
// against the graph as that transaction sees it: a member of municipality A
// may change a project only while A runs it, a contact only while it works
// for A, and only A's own interests and attendance. Admins pass every guard.
// A refused guard throws FORBIDDEN and the transaction rolls back; nothing is
// filtered afterwards.
//
// Which roles may call a mutation at all is decided before it runs
// (permissions.ts); these guards decide which *data* a member may touch.
import { cypher, type Statement } from '../db/cypher.js';
import type { Tx } from '../db/database.js';
import { forbidden, type WriteScope } from './viewer.js';

/** Each returns one row `allowed` (no row: the node is missing, which ensureExist has reported before). */
const LEADS = (p: string) => `EXISTS { (:Municipality {ags: $scope.ags})-[:RUNS {role: 'LEAD'}]->(${p}) }`;
const RUNS = (p: string) => `EXISTS { (:Municipality {ags: $scope.ags})-[:RUNS]->(${p}) }`;

const CONTACT_GUARD = cypher(
  'guard.contact',
  'MATCH (c:Contact {id: $id}) RETURN $scope.admin OR EXISTS { (c)-[:WORKS_FOR]->(:Municipality {ags: $scope.ags}) } AS allowed',
);

const GUARDS = {
  /** The project `$id` is run by the member's municipality (as lead or partner). */
  project: cypher('guard.project', `MATCH (p:Project {id: $id}) RETURN $scope.admin OR ${RUNS('p')} AS allowed`),
  /** The member's municipality leads the project `$id`. */
  projectLead: cypher('guard.projectLead', `MATCH (p:Project {id: $id}) RETURN $scope.admin OR ${LEADS('p')} AS allowed`),
  /**
   * Runner `$ags` with `$role` on project `$id`: the lead sets its own role, or adds a municipality
   * that does not run the project yet as a partner. No one else's role changes.
   */
  addRunner: cypher(
    'guard.addRunner',
    `MATCH (p:Project {id: $id})
     RETURN $scope.admin OR (${LEADS('p')} AND
       ($ags = $scope.ags OR ($role = 'PARTNER' AND NOT EXISTS { (:Municipality {ags: $ags})-[:RUNS]->(p) }))) AS allowed`,
  ),
  /** Removing runner `$ags` from project `$id`: a runner leaves by itself, or the lead removes a partner. */
  removeRunner: cypher(
    'guard.removeRunner',
    `MATCH (p:Project {id: $id})
     RETURN $scope.admin OR ($ags = $scope.ags AND ${RUNS('p')})
       OR (${LEADS('p')} AND EXISTS { (:Municipality {ags: $ags})-[:RUNS {role: 'PARTNER'}]->(p) }) AS allowed`,
  ),
  /** A new project's `$runners`: the member's municipality leads it, every other runner is a partner. */
  newProject: cypher(
    'guard.newProject',
    `RETURN $scope.admin OR ($scope.ags IS NOT NULL
       AND any(r IN $runners WHERE r.ags = $scope.ags AND r.role = 'LEAD')
       AND all(r IN $runners WHERE r.ags = $scope.ags OR r.role = 'PARTNER')) AS allowed`,
  ),
  /** The contact `$id` works for the member's municipality. */
  contact: CONTACT_GUARD,
  /** The same rule for reading everything held about a person out: refused, it says so. */
  contactExport: CONTACT_GUARD,
  /** `$ags` (a municipality, or null for an organization) is the member's own municipality. */
  ownMunicipality: cypher('guard.ownMunicipality', 'RETURN $scope.admin OR ($ags IS NOT NULL AND $ags = $scope.ags) AS allowed'),
} satisfies Record<string, Statement>;

const REASONS: Record<keyof typeof GUARDS, string> = {
  project: 'Members may change only projects their own municipality runs.',
  projectLead: 'Members may delete only projects their own municipality leads.',
  addRunner: "Members may add runners only to projects their own municipality leads, and only new partners (no one else's role changes).",
  removeRunner: 'Members may remove only their own municipality from a project, or, as its lead, a partner.',
  newProject: 'Members may create only projects their own municipality leads, with other municipalities as partners.',
  contact: 'Members may change only contacts who work for their own municipality.',
  contactExport: 'Members may export only contacts who work for their own municipality.',
  ownMunicipality: 'Members may act only for their own municipality.',
};

export type Guard = keyof typeof GUARDS;

/** Runs the guard in the caller's write transaction; FORBIDDEN (and a rollback) unless it allows. */
export async function authorize(tx: Tx, scope: WriteScope, guard: Guard, params: Record<string, unknown>): Promise<void> {
  const [row] = await tx.run<{ allowed: boolean }>(GUARDS[guard], { ...params, scope });
  if (row?.allowed !== true) throw forbidden(REASONS[guard]);
}

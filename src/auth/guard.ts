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
const GUARDS = {
  /** The project `$id` is run by the member's municipality. */
  project: cypher(
    'guard.project',
    'MATCH (p:Project {id: $id}) RETURN $scope.admin OR EXISTS { (:Municipality {ags: $scope.ags})-[:RUNS]->(p) } AS allowed',
  ),
  /** The contact `$id` works for the member's municipality. */
  contact: cypher(
    'guard.contact',
    'MATCH (c:Contact {id: $id}) RETURN $scope.admin OR EXISTS { (c)-[:WORKS_FOR]->(:Municipality {ags: $scope.ags}) } AS allowed',
  ),
  /** `$ags` (a municipality, or null for an organization) is the member's own municipality. */
  ownMunicipality: cypher('guard.ownMunicipality', 'RETURN $scope.admin OR ($ags IS NOT NULL AND $ags = $scope.ags) AS allowed'),
  /** The member's municipality is among the municipalities `$agsList`. */
  amongRunners: cypher('guard.amongRunners', 'RETURN $scope.admin OR ($scope.ags IS NOT NULL AND $scope.ags IN $agsList) AS allowed'),
} satisfies Record<string, Statement>;

const REASONS: Record<keyof typeof GUARDS, string> = {
  project: "Members may change only projects their own municipality runs.",
  contact: "Members may change only contacts who work for their own municipality.",
  ownMunicipality: "Members may act only for their own municipality.",
  amongRunners: 'Members may create only projects their own municipality runs.',
};

export type Guard = keyof typeof GUARDS;

/** Runs the guard in the caller's write transaction; FORBIDDEN (and a rollback) unless it allows. */
export async function authorize(tx: Tx, scope: WriteScope, guard: Guard, params: Record<string, unknown>): Promise<void> {
  const [row] = await tx.run<{ allowed: boolean }>(GUARDS[guard], { ...params, scope });
  if (row?.allowed !== true) throw forbidden(REASONS[guard]);
}

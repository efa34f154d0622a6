// Mutations racing a delete of the node they work on (issue 17, F1), and a write guard racing a change
// of what it checks (F12): every answer is success or NOT_FOUND (or, for the guard, FORBIDDEN after
// the change), never an internal error, and the graph ends in a state one order of the writes explains.
import { describe, expect, it } from 'vitest';
import { authorize } from '../../src/auth/guard.js';
import { writeScope } from '../../src/auth/viewer.js';
import { cypher } from '../../src/db/cypher.js';
import { Database } from '../../src/db/database.js';
import { ApiError } from '../../src/errors.js';
import { ensureExist } from '../../src/kernel/batch.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
const TOUCH = cypher('test.touchProject', 'MATCH (p:Project {id: $id}) SET p.summary = $summary');
const lead = viewers.member('08421000');

const codes = (results: { errors?: { extensions?: Record<string, unknown> }[] }[]) =>
  results.map((r) => (r.errors ? String(r.errors[0]!.extensions?.code) : 'OK'));

async function newProject(slug: string) {
  await h.ok(`mutation { createProject(input: { slug: "${slug}", name: "Wettlauf ${slug}", runners: [{ ags: "08421000", role: LEAD }], topics: ["energie"] }) { slug } }`);
}

describe('F1: mutations racing a delete', () => {
  it('three deletes and many changes of one project at once: each succeeds or is NOT_FOUND, exactly one delete wins', async () => {
    for (let round = 0; round < 4; round++) {
      const slug = `wettlauf-${round}`;
      await newProject(slug);
      const operations = [
        `mutation { deleteProject(slug: "${slug}") { deletedId } }`,
        `mutation { updateProject(slug: "${slug}", input: { summary: "a" }) { slug summary } }`,
        `mutation { addProjectTopic(project: "${slug}", topic: "sharing") { slug topics { slug } } }`,
        `mutation { deleteProject(slug: "${slug}") { deletedId } }`,
        `mutation { addRunner(project: "${slug}", ags: "09162000", role: PARTNER) { slug } }`,
        `mutation { removeProjectTopic(project: "${slug}", topic: "energie") { slug } }`,
        `mutation { updateProject(slug: "${slug}", input: { name: "b" }) { name } }`,
        `mutation { deleteProject(slug: "${slug}") { deletedId } }`,
      ];
      const results = await Promise.all(operations.map((op, i) => h.gql(op, {}, i % 2 === 0 ? viewers.admin : lead)));
      const answered = codes(results);
      expect(answered.filter((c) => c !== 'OK' && c !== 'NOT_FOUND'), JSON.stringify(results.map((r) => r.errors))).toEqual([]);
      const deletes = [0, 3, 7].map((i) => answered[i]);
      expect(deletes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(await h.cypher('MATCH (p:Project {id: $slug}) RETURN p', { slug })).toEqual([]);
    }
  });

  it('contacts: export, change and erase racing a delete', async () => {
    for (let round = 0; round < 4; round++) {
      const { createContact } = await h.ok(`mutation { createContact(input: { name: "Dora Wettlauf", employer: { ags: "08421000" }, expertise: ["energie"] }) { uuid } }`);
      const uuid = createContact.uuid as string;
      const operations = [
        `mutation { deleteContact(uuid: "${uuid}") { deletedId } }`,
        `mutation { exportContact(uuid: "${uuid}") { name links { relationship } } }`,
        `mutation { updateContact(uuid: "${uuid}", input: { role: "Leitung" }) { role } }`,
        `mutation { eraseContact(uuid: "${uuid}") { erasedId } }`,
        `mutation { addExpertise(contact: "${uuid}", topic: "sharing") { name } }`,
        `mutation { removeExpertise(contact: "${uuid}", topic: "energie") { name } }`,
      ];
      const results = await Promise.all(operations.map((op, i) => h.gql(op, {}, i % 2 === 0 ? viewers.admin : lead)));
      expect(codes(results).filter((c) => c !== 'OK' && c !== 'NOT_FOUND'), JSON.stringify(results.map((r) => r.errors))).toEqual([]);
    }
  });
});

describe('F12: a write guard holds until its transaction commits', () => {
  it('a change of who runs a project cannot commit between a write’s guard and its write', async () => {
    await h.ok(`mutation { createProject(input: { slug: "wettlauf-guard", name: "Wächter", runners: [{ ags: "08421000", role: LEAD }, { ags: "09162000", role: PARTNER }] }) { slug } }`);
    const events: string[] = [];
    let checked!: () => void;
    const guardPassed = new Promise<void>((r) => (checked = r));
    // The partner's write, as the product's repositories write: check, guard, then (after a pause) the change.
    const write = h.db.write('test.guardedWrite', async (tx) => {
      await ensureExist(tx, { Project: ['wettlauf-guard'] });
      await authorize(tx, writeScope(viewers.member('09162000')), 'project', { id: 'wettlauf-guard' });
      checked();
      await new Promise((r) => setTimeout(r, 700));
      events.push('write still open');
      await tx.run(TOUCH, { id: 'wettlauf-guard', summary: 'vom Partner' });
    });
    await guardPassed;
    // Meanwhile an admin removes the partner: this must wait for the guarded write, not slip in between.
    const session = h.driver.session({ database: 'neo4j' });
    const removal = session
      .executeWrite((tx) => tx.run("MATCH (:Municipality {ags: '09162000'})-[r:RUNS]->(:Project {id: 'wettlauf-guard'}) DELETE r"))
      .then(() => events.push('partner removed'));
    await write;
    await removal;
    await session.close();
    // Without the guard's lock the removal commits at once, while the write still pauses. (When the
    // write's promise settles after its commit is not ordered against the removal: the session close
    // between them is a round-trip, so only "still open" before "removed" is asserted.)
    expect(events).toEqual(['write still open', 'partner removed']);
  });
});

describe('a write that waits too long for a lock (found by the soak run)', () => {
  it('is QUERY_TIMEOUT, not an internal error, and writes nothing', async () => {
    await h.ok(`mutation { createProject(input: { slug: "wartet", name: "Wartet", runners: [{ ags: "08421000", role: LEAD }] }) { slug } }`);
    const session = h.driver.session({ database: 'neo4j' });
    const lock = session.beginTransaction();
    try {
      await lock.run("MATCH (p:Project {id: 'wartet'}) SET p.summary = 'gesperrt'");
      const impatient = new Database(h.driver, { database: 'neo4j', timeoutMs: 500 });
      const failure = await impatient.write('test.waitsForLock', (tx) => tx.run(TOUCH, { id: 'wartet', summary: 'zu spät' })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).extensions.code).toBe('QUERY_TIMEOUT');
    } finally {
      await lock.rollback();
      await session.close();
    }
    expect(await h.cypher("MATCH (p:Project {id: 'wartet'}) RETURN p.summary AS summary")).toEqual([{ summary: null }]);
  });
});

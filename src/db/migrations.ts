// Versioned schema migrations, applied in order at start-up and recorded in
// the graph as (:Migration {version}). Every statement is idempotent
// (IF NOT EXISTS), so two API replicas starting at once do no harm.
import { cypher, type Statement } from './cypher.js';
import type { Database } from './database.js';

interface Migration {
  version: number;
  description: string;
  statements: Statement[];
}

const s = (name: string, text: string) => cypher(`migration.${name}`, text);

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'uniqueness of every key',
    statements: [
      s('migration_version', 'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE'),
      s('municipality_ags', 'CREATE CONSTRAINT municipality_ags IF NOT EXISTS FOR (m:Municipality) REQUIRE m.ags IS UNIQUE'),
      s('project_id', 'CREATE CONSTRAINT project_id IF NOT EXISTS FOR (p:Project) REQUIRE p.id IS UNIQUE'),
      s('topic_slug', 'CREATE CONSTRAINT topic_slug IF NOT EXISTS FOR (t:Topic) REQUIRE t.slug IS UNIQUE'),
      s('contact_id', 'CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (c:Contact) REQUIRE c.id IS UNIQUE'),
      s('organization_id', 'CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE'),
      s('event_id', 'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE'),
    ],
  },
  {
    version: 2,
    description: 'full-text index over names, titles, summaries and descriptions',
    statements: [
      s(
        'search_fulltext',
        `CREATE FULLTEXT INDEX search IF NOT EXISTS
         FOR (n:Municipality|Project|Topic|Contact|Organization|Event)
         ON EACH [n.name, n.nameEn, n.title, n.summary, n.description]`,
      ),
    ],
  },
  {
    version: 3,
    description: 'point index on municipality locations',
    statements: [s('municipality_location', 'CREATE POINT INDEX municipality_location IF NOT EXISTS FOR (m:Municipality) ON (m.location)')],
  },
  {
    version: 4,
    description: 'range indexes behind the list filters and sort orders',
    statements: [
      s('municipality_name_key', 'CREATE INDEX municipality_name_key IF NOT EXISTS FOR (m:Municipality) ON (m.nameKey)'),
      s('municipality_state', 'CREATE INDEX municipality_state IF NOT EXISTS FOR (m:Municipality) ON (m.state)'),
      s('municipality_kind', 'CREATE INDEX municipality_kind IF NOT EXISTS FOR (m:Municipality) ON (m.kind)'),
      s('municipality_population', 'CREATE INDEX municipality_population IF NOT EXISTS FOR (m:Municipality) ON (m.population)'),
      s('project_name_key', 'CREATE INDEX project_name_key IF NOT EXISTS FOR (p:Project) ON (p.nameKey)'),
      s('contact_name_key', 'CREATE INDEX contact_name_key IF NOT EXISTS FOR (c:Contact) ON (c.nameKey)'),
      s('organization_name_key', 'CREATE INDEX organization_name_key IF NOT EXISTS FOR (o:Organization) ON (o.nameKey)'),
      s('event_starts_at', 'CREATE INDEX event_starts_at IF NOT EXISTS FOR (e:Event) ON (e.startsAt)'),
    ],
  },
  {
    version: 5,
    description: 'full-text index with the German analyzer (umlauts, ß and ae/oe/ue spellings fold together; German stemming)',
    statements: [
      s('search_drop_standard', 'DROP INDEX search IF EXISTS'),
      s(
        'search_fulltext_german',
        `CREATE FULLTEXT INDEX search IF NOT EXISTS
         FOR (n:Municipality|Project|Topic|Contact|Organization|Event)
         ON EACH [n.name, n.nameEn, n.title, n.summary, n.description]
         OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'german'}}`,
      ),
    ],
  },
  {
    version: 6,
    description: 'API keys: one node per key, found by its public id',
    statements: [s('api_key_id', 'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE')],
  },
  {
    version: 7,
    description: 'measures: unique keys, their names in the list order, and in the full-text index',
    statements: [
      s('measure_id', 'CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (m:Measure) REQUIRE m.id IS UNIQUE'),
      s('measure_name_key', 'CREATE INDEX measure_name_key IF NOT EXISTS FOR (m:Measure) ON (m.nameKey)'),
      s('search_drop_v5', 'DROP INDEX search IF EXISTS'),
      s(
        'search_fulltext_with_measures',
        `CREATE FULLTEXT INDEX search IF NOT EXISTS
         FOR (n:Municipality|Project|Topic|Contact|Organization|Event|Measure)
         ON EACH [n.name, n.nameEn, n.title, n.summary, n.description]
         OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'german'}}`,
      ),
    ],
  },
  {
    version: 8,
    description: 'one data version for every cache: the reach version node becomes the data version',
    statements: [
      s(
        'data_version_rename',
        `OPTIONAL MATCH (old:ReachVersion {id: 'reach'})
         WITH old WHERE old IS NOT NULL
         MERGE (v:DataVersion {id: 'data'})
         SET v.n = coalesce(v.n, 0) + coalesce(old.n, 0) + 1
         DELETE old`,
      ),
    ],
  },
  {
    version: 9,
    description: 'programmes, re-usable solutions, contact points and index ranks: unique keys; programmes and solutions in the full-text index',
    statements: [
      s('programme_id', 'CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (p:Programme) REQUIRE p.id IS UNIQUE'),
      s('solution_id', 'CREATE CONSTRAINT solution_id IF NOT EXISTS FOR (s:Solution) REQUIRE s.id IS UNIQUE'),
      s('contact_point_id', 'CREATE CONSTRAINT contact_point_id IF NOT EXISTS FOR (c:ContactPoint) REQUIRE c.id IS UNIQUE'),
      s('index_rank_id', 'CREATE CONSTRAINT index_rank_id IF NOT EXISTS FOR (r:IndexRank) REQUIRE r.id IS UNIQUE'),
      s('programme_name_key', 'CREATE INDEX programme_name_key IF NOT EXISTS FOR (p:Programme) ON (p.nameKey)'),
      s('solution_name_key', 'CREATE INDEX solution_name_key IF NOT EXISTS FOR (s:Solution) ON (s.nameKey)'),
      s('search_drop_v7', 'DROP INDEX search IF EXISTS'),
      s(
        'search_fulltext_with_programmes_and_solutions',
        `CREATE FULLTEXT INDEX search IF NOT EXISTS
         FOR (n:Municipality|Project|Topic|Contact|Organization|Event|Measure|Programme|Solution)
         ON EACH [n.name, n.nameEn, n.title, n.summary, n.description]
         OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'german'}}`,
      ),
    ],
  },
  {
    version: 10,
    description: 'exchange links keep their date as text at the precision of its source (2023, 2023-10, 2023-10-23)',
    statements: [
      // A link dated before this version has a date: its text is the same day. Links dated by a year of the
      // import ("2023" made 2023-01-01) get their year back at the next import, which replaces them.
      s('exchange_since_text', 'MATCH ()-[x:EXCHANGES_WITH]->() WHERE x.since IS :: DATE SET x.since = toString(x.since)'),
    ],
  },
  {
    version: 11,
    description: 'the full-text index also reads searchName: a dotted brand ("Smarte.Land.Regionen") word by word',
    statements: [
      s('search_drop_v9', 'DROP INDEX search IF EXISTS'),
      s(
        'search_fulltext_with_search_names',
        `CREATE FULLTEXT INDEX search IF NOT EXISTS
         FOR (n:Municipality|Project|Topic|Contact|Organization|Event|Measure|Programme|Solution)
         ON EACH [n.name, n.nameEn, n.title, n.summary, n.description, n.searchName]
         OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'german'}}`,
      ),
    ],
  },
];

const APPLIED = cypher('migration.applied', 'MATCH (m:Migration) RETURN m.version AS version');
const RECORD = cypher(
  'migration.record',
  'MERGE (m:Migration {version: $version}) ON CREATE SET m.description = $description, m.appliedAt = datetime()',
);

const appliedVersions = async (db: Database) =>
  new Set((await db.read('migration.applied', (tx) => tx.run<{ version: number }>(APPLIED))).map((r) => r.version));

/** The versions this build knows that the database has not recorded yet (readiness: none may be missing). */
export async function pendingMigrations(db: Database): Promise<number[]> {
  const applied = await appliedVersions(db);
  return MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v));
}

/** Applies what is missing; returns the versions applied by this call. */
export async function migrate(db: Database): Promise<number[]> {
  const applied = await appliedVersions(db);
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) await db.runSchema(statement);
    await db.write('migration.record', (tx) => tx.run(RECORD, { version: migration.version, description: migration.description }));
    done.push(migration.version);
  }
  return done;
}

export const LATEST_MIGRATION = Math.max(...MIGRATIONS.map((m) => m.version));

// PROFILE of each discovery ranking on the database in NEO4J_URI (or the local one):
// total dbHits, rows, and the operators that start each plan (a Municipality
// label scan would show up here). Run: npx tsx bench/profile-discovery.ts
import neo4j from 'neo4j-driver';
import type { Statement } from '../src/db/cypher.js';
import { toDb } from '../src/db/values.js';
import { PROFILES, SOLUTIONS } from '../src/features/discovery/discovery.profiles.js';
import { ASKER, SIMILAR_PROJECTS } from '../src/features/discovery/discovery.repository.js';
import { EXPERTS, fullTextQuery, SEARCH } from '../src/features/discovery/discovery.search.js';

const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.LOCAL_NEO4J_PORT ?? 7687}`;
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
// The candidates the API sends for a municipality: those sharing a topic, from the per-version profiles.

const noFilter = { state: null, kinds: null, sizeClasses: null, center: null, radiusM: null, programme: null, excludeOwnKreis: false };
const runs: [string, Statement, Record<string, unknown>][] = [
  ['profiles, register table and taxonomy (once per data version)', PROFILES, {}],
  ['solutions (once per data version)', SOLUTIONS, {}],
  ['the asker and the data version (per peers or learning-partners request)', ASKER, { ags: '07137' }],
  ['similar to mpsc-2019-zwonitz (Kleinstadt)', SIMILAR_PROJECTS, { slug: 'mpsc-2019-zwonitz', ...noFilter }],
  ['search "mayen koblenz"', SEARCH, { query: fullTextQuery('mayen koblenz'), labels: ['Municipality', 'Project', 'Topic', 'Contact', 'Organization', 'Event'], first: 10 }],
  ['experts for mobilitaet near Mayen', EXPERTS, { topics: ['mobilitaet'], center: { lat: 50.33, lon: 7.22 }, radiusKm: null }],
];

interface PlanNode { operatorType: string; dbHits: number; rows: number; arguments: Record<string, unknown>; children: PlanNode[] }
const total = (p: PlanNode): number => p.dbHits + p.children.reduce((n, c) => n + total(c), 0);
const operators = (p: PlanNode): string[] => [
  `${p.operatorType.replace(/@.*/, '')}${/Scan|Seek/.test(p.operatorType) && typeof p.arguments.Details === 'string' ? `(${p.arguments.Details})` : ''}`,
  ...p.children.flatMap(operators),
];

const session = driver.session();
try {
  for (const [name, statement, params] of runs) {
    await session.run(statement.text, toDb(params)); // warm the plan cache
    const result = await session.run(`PROFILE ${statement.text}`, toDb(params));
    const plan = result.summary.profile as unknown as PlanNode;
    const ops = operators(plan);
    const municipalityScans = ops.filter((o) => /AllNodesScan|LabelScan\(.*:Municipality/.test(o));
    console.log(`${name}\n  dbHits ${total(plan)}; scans over all municipalities: ${municipalityScans.length ? municipalityScans.join(', ') : 'none'}`);
    console.log(`  leaf operators: ${[...new Set(ops.filter((o) => /Seek|Scan|Procedure/.test(o)))].join('; ')}`);
  }
} finally {
  await session.close();
  await driver.close();
}

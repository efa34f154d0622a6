// npm run eval:discovery — how good is the discovery ranking, measured
// against reality? A Neo4j of its own (.neo4j-eval/, port 7696) with the real
// import only (no generated layer, no demo links), then, in this process:
//
// - link prediction over the real exchange links between German
//   municipalities: for each link (a, b), the rank of b among a's peers and of
//   a among b's. The scoring reads no exchange link at all (profiles come from
//   projects, interests and the register), so every link is hidden from it by
//   construction. hit@10, hit@50 and the mean reciprocal rank, for the final
//   ranking, its parts, and baselines (nearest by distance, nearest of the same
//   size class, random, and the topic-only scoring as it was before);
// - the same as a newcomer asks: a's own projects hidden from a's profile, so
//   a stands for the Gemeinden without a project of their own, and only what
//   it inherits (if anything) can give a topic-based answer — the case the
//   inherited profiles are for, with and without them and over a grid of
//   their weights;
// - coverage: how many of the register's Gemeinden get at least 5 peers and
//   at least 5 learning partners, each with an explanation;
// - the run's time and peak memory.
//
// The ranking is the product's own (rankPeers, rankSolutions over the same
// profiles and solutions the API caches); only distances are computed here,
// with the haversine formula Neo4j uses for WGS-84 points.
import { mkdirSync, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { cypher } from '../src/db/cypher.js';
import { createDriver, Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import type { MunicipalityRecord } from '../src/records/municipality.js';
import { isEmpty, runImport } from '../src/import/import.js';
import { locateRegister } from '../src/import/register-source.js';
import { fromProject } from '../src/paths.js';
import {
  buildProfiles,
  buildSolutions,
  distanceKm,
  learningCandidatesIn,
  peerCandidatesIn,
  PROFILES,
  profilesRowOf,
  type ProfilesRow,
  SOLUTIONS,
  solutionsRowOf,
  type DiscoveryFilterParams,
  type Inheritance,
  type RegisterUnit,
  type LearningCandidates,
  type PeerCandidates,
  type Profiles,
  type PartRow,
} from '../src/features/discovery/discovery.repository.js';
import { rankPeers, rankSolutions } from '../src/features/discovery/discovery.service.js';
import { INHERITED_FROM_ABOVE, INHERITED_FROM_BELOW, STRUCTURE_SHARE, type RankBy } from '../src/features/discovery/discovery.scoring.js';

const PORT = Number(process.env.EVAL_NEO4J_PORT ?? 7696);
const log = (line: string) => console.error(`[eval] ${line}`);
const started = performance.now();
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 100);

const LINKS = cypher(
  'eval.links',
  "MATCH (a:Municipality)-[x:EXCHANGES_WITH {source: 'import'}]->(b:Municipality) RETURN a.ags AS a, b.ags AS b, x.kind AS kind ORDER BY a, b",
);

const local = await startLocalNeo4j({ port: PORT, dir: '.neo4j-eval', heap: '1g', log });
const driver = createDriver(local.uri, 'neo4j', undefined);
const db = new Database(driver, { database: 'neo4j', timeoutMs: 120_000 });
try {
  await migrate(db);
  if (await isEmpty(db)) {
    log('importing the real data …');
    const report = await runImport(db, { dataDir: fromProject('data'), register: await locateRegister({ log }) });
    if (!report.ok) throw new Error(report.summary());
  }
  const profilesRow = profilesRowOf(await db.read('eval.profiles', (tx) => tx.run<PartRow>(PROFILES)));
  const solutionsRow = solutionsRowOf(await db.read('eval.solutions', (tx) => tx.run<PartRow>(SOLUTIONS)));
  const links = await db.read('eval.links', (tx) => tx.run<{ a: string; b: string; kind: string }>(LINKS));
  const withInheritance = await buildProfiles(profilesRow);
  // The register table the API keeps per data version.
  const unitOf = withInheritance.unitOf;
  const units = [...unitOf.values()];
  const NONE: Inheritance = { above: 0, below: 0 };
  const withoutInheritance = await buildProfiles(profilesRow, NONE);
  const solutions = await buildSolutions(solutionsRow);
  log(`${units.length} municipalities, ${links.length} exchange links, ${solutions.all.length} solutions, ${withInheritance.profileOf.size} profiles (${withoutInheritance.profileOf.size} without inheritance)`);

  const record = (u: RegisterUnit) => ({ ...u.structure }) as unknown as MunicipalityRecord;
  const km = distanceKm;
  const NO_FILTER: DiscoveryFilterParams = { state: null, kinds: null, sizeClasses: null, center: null, radiusM: null, programme: null, excludeOwnKreis: false };
  const ASKED = { interests: [], interestsOnly: false };
  const peerCandidates = (ags: string, profiles: Profiles): PeerCandidates => ({ own: record(unitOf.get(ags)!), ...peerCandidatesIn(profiles, ags, NO_FILTER, ASKED) });
  const peers = (profiles: Profiles, rankBy: RankBy, share?: number) => (ags: string) => rankPeers(peerCandidates(ags, profiles), rankBy, share).map((r) => r.key);
  /** The asker as a newcomer: its own projects and interests left out of its profile, what it inherits kept; everyone else as stored. */
  const asNewcomer = (profiles: Profiles, ags: string): Profiles => ({
    ...profiles,
    contributionsOf: new Map(profiles.contributionsOf).set(ags, (profiles.contributionsOf.get(ags) ?? []).filter((c) => c.via !== undefined)),
  });
  const newcomerPeers = (profiles: Profiles, share?: number) => (ags: string) => rankPeers(peerCandidates(ags, asNewcomer(profiles, ags)), 'BOTH', share).map((r) => r.key);

  // Baselines over every other municipality with a position.
  const everyone = units.filter((u) => u.lat !== null && u.structure.kind !== 'LAND');
  const nearest = (ags: string) => {
    const own = unitOf.get(ags)!;
    return everyone.filter((u) => u.ags !== ags).map((u) => ({ ags: u.ags, d: km(own, u) ?? Infinity })).sort((x, y) => x.d - y.d || x.ags.localeCompare(y.ags)).map((x) => x.ags);
  };
  const nearestSameSize = (ags: string) => {
    const own = unitOf.get(ags)!;
    const cls = (u: RegisterUnit) => u.structure.sizeClass ?? u.structure.kind;
    return everyone
      .filter((u) => u.ags !== ags)
      .map((u) => ({ ags: u.ags, same: cls(u) === cls(own) ? 0 : 1, d: km(own, u) ?? Infinity }))
      .sort((x, y) => x.same - y.same || x.d - y.d || x.ags.localeCompare(y.ags))
      .map((x) => x.ags);
  };
  const random = (ags: string) => {
    const rng = seedrandom(`eval-${ags}`);
    return everyone.filter((u) => u.ags !== ags).map((u) => ({ ags: u.ags, r: rng() })).sort((x, y) => x.r - y.r).map((x) => x.ags);
  };

  // Links between two municipalities of the register, both directions.
  const pairs = links.filter((l) => unitOf.has(l.a) && unitOf.has(l.b) && l.a !== l.b).flatMap((l) => [[l.a, l.b], [l.b, l.a]] as const);
  interface Scored { name: string; hit10: number; hit50: number; mrr: number; found: number; seconds: number }
  const evaluate = (name: string, rankingOf: (ags: string) => string[], over: readonly (readonly [string, string])[] = pairs): Scored => {
    const t = performance.now();
    const cache = new Map<string, string[]>();
    let hit10 = 0, hit50 = 0, rr = 0, found = 0;
    for (const [a, b] of over) {
      const ranking = cache.get(a) ?? cache.set(a, rankingOf(a)).get(a)!;
      const rank = ranking.indexOf(b) + 1;
      if (rank === 0) continue;
      found++;
      if (rank <= 10) hit10++;
      if (rank <= 50) hit50++;
      rr += 1 / rank;
    }
    sample();
    const n = over.length;
    return { name, hit10: hit10 / n, hit50: hit50 / n, mrr: rr / n, found: found / n, seconds: (performance.now() - t) / 1000 };
  };

  log(`link prediction over ${pairs.length} directed pairs …`);
  const rows: Scored[] = [
    evaluate(`final: topics and structure, s = ${STRUCTURE_SHARE} (the default: own profiles, rankBy: BOTH)`, peers(withoutInheritance, 'BOTH')),
    evaluate('structure only, among those sharing a topic (rankBy: STRUCTURE)', peers(withoutInheritance, 'STRUCTURE')),
    evaluate(`topics with inheritance and structure (profile: INHERITED_AND_INTERESTS), s = ${STRUCTURE_SHARE}`, peers(withInheritance, 'BOTH')),
    evaluate('topics with inheritance only (INHERITED_AND_INTERESTS, rankBy: TOPICS)', peers(withInheritance, 'TOPICS')),
    evaluate('baseline: topic-only scoring as before (own profiles, rankBy: TOPICS)', peers(withoutInheritance, 'TOPICS')),
    evaluate('baseline: nearest by distance', nearest),
    evaluate('baseline: nearest of the same size class', nearestSameSize),
    evaluate('baseline: random (seeded)', random),
  ];
  // What the profile is made of: projects and interests only (as before the programmes and solutions were
  // imported), with the programmes' topics, with the solutions' topics, with both (the default), at the default share.
  const sourceRows: Scored[] = [];
  const sources: [string, Partial<ProfilesRow>][] = [
    ['projects and interests only (as before)', { programmes: [], uses: [], active: [] }],
    ['+ programmes', { uses: [] }],
    ['+ solutions in use', { programmes: [] }],
    ['+ programmes and solutions (the default)', {}],
  ];
  for (const [name, part] of sources) {
    sourceRows.push(evaluate(name, peers(await buildProfiles({ ...profilesRow, ...part }, NONE), 'BOTH')));
  }

  // How much structure: the share s in (1 − s)·topics + s·structure, with and without inheritance.
  const SHARES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  const sweep = SHARES.flatMap((share) => [
    { share, inherit: true, ...evaluate(`s = ${share}, with inheritance`, peers(withInheritance, 'BOTH', share)) },
    { share, inherit: false, ...evaluate(`s = ${share}, without inheritance`, peers(withoutInheritance, 'BOTH', share)) },
  ]);

  log('the newcomer’s view …');
  // Pairs whose asker inherits a topic at the API's weights: the only ones inheritance can change.
  const inheriting = pairs.filter(([a]) => (withInheritance.contributionsOf.get(a) ?? []).some((c) => c.via !== undefined));
  const newcomerRows: Scored[] = [
    evaluate('own profile (the default): empty, so structure only (STRUCTURE_ONLY)', newcomerPeers(withoutInheritance)),
    evaluate(`inherited topics and structure (INHERITED_AND_INTERESTS: ${INHERITED_FROM_ABOVE} from above, ${INHERITED_FROM_BELOW} from below)`, newcomerPeers(withInheritance)),
    evaluate('baseline: nearest by distance', nearest),
    evaluate('baseline: nearest of the same size class', nearestSameSize),
    evaluate('baseline: random (seeded)', random),
  ];
  const newcomerInheriting: Scored[] = [
    evaluate('own profile (the default): structure only', newcomerPeers(withoutInheritance), inheriting),
    evaluate('inherited topics and structure (INHERITED_AND_INTERESTS)', newcomerPeers(withInheritance), inheriting),
  ];
  // The weights of inheritance, over a grid: the newcomer's view (all pairs) and the full profiles (warm), at the default share.
  const grid = [0, 0.25, 0.5, 0.75, 1].flatMap((above) => [0, 0.3, 0.6].map((below) => ({ above, below })));
  const weightRows: (Inheritance & { newcomer: Scored; warm: Scored })[] = [];
  for (const w of grid) {
    const profiles = await buildProfiles(profilesRow, w);
    weightRows.push({ ...w, newcomer: evaluate('newcomer', newcomerPeers(profiles)), warm: evaluate('warm', peers(profiles, 'BOTH')) });
  }

  log('coverage over the register’s Gemeinden …');
  const coverageStarted = performance.now();
  const gemeinden = units.filter((u) => ['GEMEINDE', 'STADT', 'KREISFREIE_STADT'].includes(u.structure.kind));
  let peers5 = 0, partners5 = 0, both5 = 0, structureOnly = 0;
  for (const g of gemeinden) {
    // The first page's five, explained as the API would explain them.
    const ranked = rankPeers(peerCandidates(g.ags, withoutInheritance), 'BOTH').slice(0, 5).map((r) => r.explain());
    const explained = ranked.filter((r) => r.sharedTopics.length > 0 || r.basis === 'STRUCTURE_ONLY');
    if (ranked[0]?.basis === 'STRUCTURE_ONLY') structureOnly++;
    const found: LearningCandidates = { own: record(g), ...learningCandidatesIn(withoutInheritance, solutions, g.ags, NO_FILTER, ASKED) };
    const partners = rankSolutions(found).slice(0, 5).filter((r) => r.explanation.matchedTopics.length > 0 || r.explanation.basis === 'STRUCTURE_ONLY');
    if (explained.length >= 5) peers5++;
    if (partners.length >= 5) partners5++;
    if (explained.length >= 5 && partners.length >= 5) both5++;
  }
  sample();
  const coverageSeconds = (performance.now() - coverageStarted) / 1000;

  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  /** Whether inheritance helps on this measure: the best MRR over the swept shares with it and without it. */
  function verdict(rows: { share: number; inherit: boolean; mrr: number; hit10: number }[]): string {
    const best = (inherit: boolean) => rows.filter((r) => r.inherit === inherit).reduce((a, b) => (b.mrr > a.mrr || (b.mrr === a.mrr && b.hit10 > a.hit10) ? b : a));
    const [withIt, without] = [best(true), best(false)];
    const helps = withIt.mrr > without.mrr;
    return `Best share each: without inherited topics MRR ${without.mrr.toFixed(4)} (s = ${without.share}, hit@10 ${pct(without.hit10)}), with them ${withIt.mrr.toFixed(4)} (s = ${withIt.share}, hit@10 ${pct(withIt.hit10)}): on this measure inheritance ${helps ? 'helps' : 'does not help'}${Math.abs(withIt.mrr - without.mrr) < 0.01 ? ' — by less than 0.01, within what one or two of the 160 pairs moving would change' : ''}. ${defaultShare(without, rows)}`;
  }
  /** Whether the product's share is this run's best one without inheritance, or by how much it misses it. */
  function defaultShare(best: { share: number; mrr: number }, rows: { share: number; inherit: boolean; mrr: number }[]): string {
    if (best.share === STRUCTURE_SHARE) return `The default share (s = ${STRUCTURE_SHARE}) is the best one without inheritance (the default profile).`;
    const current = rows.find((r) => !r.inherit && r.share === STRUCTURE_SHARE)!;
    return `The default share s = ${STRUCTURE_SHARE} is not this run's best without inheritance: MRR ${current.mrr.toFixed(4)} against ${best.mrr.toFixed(4)} at s = ${best.share}${best.mrr - current.mrr < 1 / pairs.length ? ', less than one pair moving' : ''}.`;
  }
  const newcomerVerdict = (() => {
    const [own, inherited] = newcomerInheriting;
    const helps = inherited!.mrr > own!.mrr;
    const none = weightRows.find((r) => r.above === 0 && r.below === 0)!;
    const gain = (part: 'newcomer' | 'warm') => weightRows.reduce((g, r) => Math.max(g, r[part].mrr - none[part].mrr), 0);
    // One pair moving from miss to rank 1 changes MRR by 1/160: gains below that are noise.
    const noise = Math.max(gain('newcomer'), gain('warm')) < 1 / pairs.length;
    return `For the askers that inherit a topic, inheritance ${helps ? 'helps' : 'hurts'}: MRR ${inherited!.mrr.toFixed(4)} with it against ${own!.mrr.toFixed(4)} by structure alone, over only ${inheriting.length} pairs. Over all pairs, the best weights of the grid below beat none by ${gain('newcomer').toFixed(4)} in MRR as a newcomer asks and by ${gain('warm').toFixed(4)} with full profiles${noise ? ' — less than one or two pairs moving' : ''}. ${
      !helps && noise
        ? 'So the default leaves inherited topics out (`profile: STORED_AND_INTERESTS`); they stay available as `profile: INHERITED_AND_INTERESTS`, with `via` in the explanation, for an asker who wants what her Kreis works on counted.'
        : 'This run says inheritance helps: the default (own profiles only) should be looked at again.'
    }`;
  })();
  const seconds = (performance.now() - started) / 1000;
  const report = [
    '# Discovery evaluation',
    '',
    `Run ${new Date().toISOString()} by \`npm run eval:discovery\` on the real import (register of 31 Dec 2024, \`data/\`), no generated data.`,
    '',
    `## Link prediction over the real exchange links`,
    '',
    `${links.length} imported exchange links between German municipalities, ${pairs.length} directed pairs (a → b: where does b rank among a's peers?). A pair whose b is not in a's ranking at all counts as a miss (reciprocal rank 0). The scoring reads no exchange link, so each link is hidden from it by construction.`,
    '',
    '| ranking | hit@10 | hit@50 | MRR | b ranked at all | seconds |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${pct(r.hit10)} | ${pct(r.hit50)} | ${r.mrr.toFixed(4)} | ${pct(r.found)} | ${r.seconds.toFixed(1)} |`),
    '',
    '### What the profile is made of',
    '',
    'The default ranking (own profiles, s = ' + STRUCTURE_SHARE + ') over the same pairs, with the topics of each source of the profile added in turn. More municipalities hold a topic with every source, so more candidates compete for each asker; the programmes\' and solutions\' topics are also coarser than a project\'s fields of action.',
    '',
    '| profile | hit@10 | hit@50 | MRR | b ranked at all |',
    '| --- | --- | --- | --- | --- |',
    ...sourceRows.map((r) => `| ${r.name} | ${pct(r.hit10)} | ${pct(r.hit50)} | ${r.mrr.toFixed(4)} | ${pct(r.found)} |`),
    '',
    '### The structure share, swept',
    '',
    'score = (1 − s) × topic score + s × structure score, over the same pairs. The default is the share with the best MRR (ties: hit@10); 160 pairs are few, so neighbouring shares within a few hundredths of MRR are not really different.',
    '',
    verdict(sweep),
    '',
    '| s | inheritance | hit@10 | hit@50 | MRR |',
    '| --- | --- | --- | --- | --- |',
    ...sweep.map((r) => `| ${r.share} | ${r.inherit ? 'with' : 'without'} | ${pct(r.hit10)} | ${pct(r.hit50)} | ${r.mrr.toFixed(4)} |`),
    '',
    '## As a newcomer asks',
    '',
    `The same ${pairs.length} pairs, with the asker's own projects (and interests) hidden from its profile: a stands for a Gemeinde without a project of its own — 99 % of them — which has only what it inherits from its Kreis or Verband (if anything) and the register. Everyone else's profile is as stored (a Kreis still carries a's projects from below). ${inheriting.length} of the pairs have an asker that inherits a topic at the default weights; for the others both rankings below are the same structure-only answer.`,
    '',
    '| ranking (newcomer, all pairs) | hit@10 | hit@50 | MRR | b ranked at all |',
    '| --- | --- | --- | --- | --- |',
    ...newcomerRows.map((r) => `| ${r.name} | ${pct(r.hit10)} | ${pct(r.hit50)} | ${r.mrr.toFixed(4)} | ${pct(r.found)} |`),
    '',
    `Only the ${inheriting.length} pairs whose asker inherits a topic:`,
    '',
    '| ranking (newcomer, inheriting askers) | hit@10 | hit@50 | MRR | b ranked at all |',
    '| --- | --- | --- | --- | --- |',
    ...newcomerInheriting.map((r) => `| ${r.name} | ${pct(r.hit10)} | ${pct(r.hit50)} | ${r.mrr.toFixed(4)} | ${pct(r.found)} |`),
    '',
    newcomerVerdict,
    '',
    '### The weights of inheritance',
    '',
    `above: what a Gemeinde takes from its Kreis and Verband; below: what a Kreis takes from its Gemeinden (own projects weigh 1), at s = ${STRUCTURE_SHARE}. MRR as a newcomer asks and with the full profiles (as in the first table).`,
    '',
    '| above | below | newcomer hit@10 | newcomer MRR | full hit@10 | full MRR |',
    '| --- | --- | --- | --- | --- | --- |',
    ...weightRows.map((r) => `| ${r.above} | ${r.below} | ${pct(r.newcomer.hit10)} | ${r.newcomer.mrr.toFixed(4)} | ${pct(r.warm.hit10)} | ${r.warm.mrr.toFixed(4)} |`),
    '',
    '## Coverage',
    '',
    `Of ${gemeinden.length.toLocaleString('en')} Gemeinden (Gemeinden, Städte and kreisfreie Städte of the register): ${peers5.toLocaleString('en')} get at least 5 peers with an explanation, ${partners5.toLocaleString('en')} at least 5 learning partners, ${both5.toLocaleString('en')} both; ${structureOnly.toLocaleString('en')} are answered by structure alone (no topics of their own; with the default profile). A STRUCTURE_ONLY answer is explained by construction (its structure parts), so this counts answers of at least five, not their quality — that is what the link prediction above measures. ${coverageSeconds.toFixed(1)} s.`,
    '',
    '## Run',
    '',
    `${seconds.toFixed(1)} s in all, peak resident memory ${(peakRss / 2 ** 20).toFixed(0)} MiB (this process; Neo4j not counted).`,
    '',
  ].join('\n');
  mkdirSync(fromProject('bench/results'), { recursive: true });
  writeFileSync(fromProject('bench/results/discovery-eval.md'), report);
  console.log(report);
} finally {
  clearInterval(sampler);
  await driver.close();
  if (local.started) await stopLocalNeo4j({ dir: '.neo4j-eval' });
}

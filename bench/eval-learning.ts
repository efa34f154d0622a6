// npm run eval:learning — how well does the learning-partner ranking put first what a municipality really took
// up? On the real import (bench/real-data.ts), over every real take-up whose source runs a measure or project
// in the data — a solution adopted from its origin (solution-adoptions.csv), an exchange link of kind TRANSFER:
//
// - the peers' grouped folds (bench/eval-discovery.ts): a take-up is held out with every link fact of its fold,
//   from the network the features are computed in (so the source's take-up counts and "municipalities like
//   yours" never see it), and the peer model whose scores are features is trained anew on the other folds;
// - the learning model trained on the other folds' take-ups, its penalty chosen by an inner cross-validation;
// - baselines on the same candidates (every measure and project not run by the asker): the formula the API
//   used before, topics only, distance to the runner, the runner's take-ups, random;
// - the rank of the source's first solution in the list, the asker's other sources left out; MRR, hit@10,
//   hit@50, bootstrap 95 % intervals by fact group, and where the model loses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fromProject } from '../src/paths.js';
import { distanceKm, Network } from '../src/features/discovery/discovery.features.js';
import { LEARNING_FEATURES } from '../src/features/discovery/discovery.learning.js';
import { checkedModel } from '../src/features/discovery/discovery.model.js';
import { servedSortKeys } from '../src/features/discovery/discovery.ranking.js';
import peerModelFile from '../src/features/discovery/model/peers.model.json' with { type: 'json' };
import { asksOf, f4, foldsOf, metrics, modelOf, partnersOf, pct, scoredRankings, trainingQuestions, withoutOne, type Outcome } from './discovery-cv.js';
import { EVAL_SETTINGS } from './discovery-settings.js';
import { chooseLearningPenalty, type LearningRanker, featuresOf, firstRankOf, learningBaselines, learningModelOf, learningModelRanker, learningQuestions, sourcesOf, takeUpAsksOf } from './learning-cv.js';
import { LEARNING_SETTINGS } from './learning-settings.js';
import { readNetwork, readSolutionList, withRealData } from './real-data.js';

const log = (line: string) => console.error(`[eval:learning] ${line}`);
const started = performance.now();
const MODEL = 'model, its score alone';
const AS_SERVED = 'model as served (what matches a topic of the asker first, a runner\'s further solutions moved down)';
/** As the API serves it without interests: what addresses one of the asker's topics first (when anything does), each tier by the model, repeats of a runner moved down. */
const servedRanker = (ranker: LearningRanker): LearningRanker => (lf, list, world) => {
  const profile = world.profileOf(lf.asker).profile;
  const tiers = list.map((x) => ([...x.profile.keys()].some((t) => profile.has(t)) ? 1 : 0));
  return servedSortKeys(ranker(lf, list, world), tiers, list.map((x) => x.runners[0]!), lf.candidates);
};
const POPULAR_SERVED = "the runner's take-ups, served the same way (topic tiers, repeats moved down)";
const shippedPeers = checkedModel(peerModelFile);

await withRealData(log, async (db) => {
  const network = new Network(await readNetwork(db));
  const solutions = await readSolutionList(db);
  const asks = asksOf(network, network.facts);
  const known = partnersOf(asks);
  const groupOf = new Map(asks.map((a) => [a.fact.id, a.group]));
  const takeUps = takeUpAsksOf(network, solutions, groupOf);
  const sources = sourcesOf(takeUps);
  log(`${solutions.length} solutions, ${takeUps.length} take-ups with a source that runs one`);

  const folds = foldsOf(asks, EVAL_SETTINGS.folds, EVAL_SETTINGS.seed);
  const pooled: Outcome[] = [];
  const perFold: { fold: number; lambda: number; n: number; weights: number[] }[] = [];
  for (let k = 0; k < EVAL_SETTINGS.folds; k++) {
    const t = performance.now();
    const test = takeUps.filter((a) => folds.get(a.group) === k);
    const train = takeUps.filter((a) => folds.get(a.group) !== k);
    if (test.length === 0) continue;
    const world = network.without(asks.filter((a) => folds.get(a.group) === k).map((a) => a.fact.id));
    // The peer model whose scores are features, trained without this fold (the shipped model's settings).
    const peerTrain = asks.filter((a) => folds.get(a.group) !== k);
    const peerModel = modelOf(trainingQuestions(world, peerTrain, known, EVAL_SETTINGS.negatives, `${EVAL_SETTINGS.seed}:fold:${k}`), { lambda: shippedPeers.lambda, unknownPartnerWeight: shippedPeers.unknownPartnerWeight }, { version: 'fold', report: '', trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: '' } });
    const penalty = chooseLearningPenalty(world, peerModel, train, solutions, sources, { penalties: LEARNING_SETTINGS.penalties, folds: LEARNING_SETTINGS.innerFolds, seed: `${LEARNING_SETTINGS.seed}:fold:${k}` });
    const model = learningModelOf(learningQuestions(world, peerModel, train, solutions, sources), penalty.best, { version: 'fold', report: '', trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: '' } });
    const baselines = learningBaselines(`${LEARNING_SETTINGS.seed}:fold:${k}`);
    const rankers = { [AS_SERVED]: servedRanker(learningModelRanker(model)), [MODEL]: learningModelRanker(model), ...baselines, [POPULAR_SERVED]: servedRanker(baselines["the runner's take-ups (popularity)"]!) };
    for (const a of test) {
      const { lf, list } = featuresOf(world, peerModel, a, solutions);
      const others = withoutOne(sources.get(a.asker)!, a.partner);
      const ranks = Object.fromEntries(Object.entries(rankers).map(([name, r]) => [name, firstRankOf(list, r(lf, list, world), a.partner, others)]));
      pooled.push({ ask: a, ranks, distanceKm: distanceKm(world.units.get(a.asker)!, world.units.get(a.partner)!) });
    }
    perFold.push({ fold: k, lambda: penalty.best, n: test.length, weights: model.weights });
    log(`fold ${k + 1}: ${test.length} take-ups, λ = ${penalty.best}, MRR ${metrics(pooled.slice(-test.length), AS_SERVED).mrr.toFixed(4)}, ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }

  const names = Object.keys(pooled[0]!.ranks);
  const table = (outcomes: Outcome[], seed: string) => {
    const rows = scoredRankings(outcomes, names, seed);
    const best = rows.filter((r) => r.name !== MODEL && r.name !== AS_SERVED).reduce((a, b) => (b.mrr > a.mrr ? b : a));
    const model = rows.find((r) => r.name === AS_SERVED)!;
    return {
      best,
      model,
      rows,
      lines: ['| ranking | MRR | 95 % interval | hit@10 | hit@50 |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.name} | ${f4(r.mrr)} | ${f4(r.lo)}–${f4(r.hi)} | ${pct(r.hit10)} | ${pct(r.hit50)} |`)],
    };
  };
  const verdict = (t: ReturnType<typeof table>) =>
    t.best.mrr > t.model.mrr
      ? `**Here the model loses**: ${t.best.name} has MRR ${f4(t.best.mrr)} against the model's ${f4(t.model.mrr)} as served.`
      : `The model as served is ahead of every baseline here (${(t.model.mrr / t.best.mrr).toFixed(2)}× the best, ${t.best.name}).`;
  const slice = (title: string, pick: (o: Outcome) => boolean) => {
    const part = pooled.filter(pick);
    if (part.length === 0) return [`**${title}**: none.`, ''];
    const t = table(part, `${LEARNING_SETTINGS.seed}:${title}`);
    return [`**${title}** (${part.length} take-ups)`, '', ...t.lines, '', verdict(t), ''];
  };
  const all = table(pooled, `${LEARNING_SETTINGS.seed}:pooled`);
  const sourcesCount = new Set(takeUps.map((a) => a.partner)).size;
  const candidates = solutions.length;
  const meanWeights = LEARNING_FEATURES.map((_, f) => perFold.reduce((s, p) => s + p.weights[f]!, 0) / perFold.length);
  const report = [
    '# Learning partners: evaluation',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} by \`npm run eval:learning\` on the real import, no generated data. Seed \`${LEARNING_SETTINGS.seed}\`: the same data gives the same figures.`,
    '',
    '## What is judged',
    '',
    `"What should municipality a learn from?", asked for every real take-up whose source runs a measure or project in the data: ${takeUps.length} take-ups (${takeUps.filter((a) => a.fact.kind === 'ADOPTION').length} adoptions of a solution from its origin, ${takeUps.filter((a) => a.fact.kind === 'EXCHANGE').length} exchange links of kind TRANSFER) from ${sourcesCount} sources. The candidates are every measure and project the asker does not run itself (${candidates} in all); judged is the rank of the source's first solution in the list, the solutions of the asker's other sources left out, ties counting half.`,
    '',
    `Cross-validation: the ${EVAL_SETTINGS.folds} folds of the peers' evaluation (grouped by fact). Every link fact of the held-out fold leaves the network the features are computed from — so a held-out take-up counts neither for its source's take-ups nor for "municipalities like yours" — and the peer model whose scores are features (the runner's peer score, the asker's ${50} best peers) is trained anew without the fold, with the shipped model's settings (λ = ${shippedPeers.lambda}, unknown partners ×${shippedPeers.unknownPartnerWeight}; those two were chosen by cross-validation over all link facts, the one thing the folds share). The learning model is trained on the other folds' take-ups, each training question's features without its own fact (its peer scores from the fold's peer model, which did see it: a leak into training only, never into what is judged); its L2 penalty (from ${LEARNING_SETTINGS.penalties.join(', ')}) by an inner ${LEARNING_SETTINGS.innerFolds}-fold cross-validation of those take-ups. Intervals: percentile bootstrap, 1,000 resamples of fact groups.`,
    '',
    '## Held-out folds, pooled',
    '',
    ...all.lines,
    '',
    `As served, the model's MRR is **${(all.model.mrr / all.best.mrr).toFixed(2)}×** the best baseline's (${all.best.name}, ${f4(all.best.mrr)}); the lower end of its interval (${f4(all.model.lo)}) is ${all.model.lo > all.best.mrr ? 'above' : '**not** above'} that baseline's MRR; its hit@10 and hit@50 are ${all.rows.filter((r) => r.name !== MODEL && r.name !== AS_SERVED).every((r) => all.model.hit10 > r.hit10 && all.model.hit50 > r.hit50) ? 'above every baseline' : '**not** above every baseline'}. "As served" is the order the API gives without \`interests\`: what addresses one of the asker's topics first, each tier by the model, a runner's further solutions moved down one point each (so one runner does not fill the page); "model" is its score alone.`,
    '',
    '| fold | take-ups | λ | ' + names.map((n) => (n === AS_SERVED ? 'as served' : n === MODEL ? 'score alone' : n.split(' (')[0]!.split(', served')[0] + (n === POPULAR_SERVED ? ' (served)' : ''))).join(' | ') + ' |',
    '| --- | --- | --- | ' + names.map(() => '---').join(' | ') + ' |',
    ...perFold.map((f) => `| ${f.fold + 1} | ${f.n} | ${f.lambda} | ${names.map((n) => f4(metrics(pooled.filter((o) => folds.get(o.ask.group) === f.fold), n).mrr)).join(' | ')} |`),
    '',
    '## Where the model loses',
    '',
    ...slice('adoptions of a solution from its origin', (o) => o.ask.fact.kind === 'ADOPTION'),
    ...slice('exchange links of kind TRANSFER', (o) => o.ask.fact.kind === 'EXCHANGE'),
    ...slice('sources within 100 km', (o) => (o.distanceKm ?? Infinity) <= 100),
    ...slice('sources more than 100 km away', (o) => (o.distanceKm ?? Infinity) > 100),
    ...slice('sources other than Bad Belzig (the Smart Village App, most of the take-ups)', (o) => o.ask.partner !== '12069020'),
    '## The weights, averaged over the folds',
    '',
    '| feature | mean weight | per fold |',
    '| --- | --- | --- |',
    ...LEARNING_FEATURES.map((name, f) => `| ${name} | ${meanWeights[f]!.toFixed(3)} | ${perFold.map((p) => p.weights[f]!.toFixed(2)).join(', ')} |`),
    '',
    `${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
    '',
  ].join('\n');
  mkdirSync(fromProject('bench/results'), { recursive: true });
  writeFileSync(fromProject('bench/results/learning-eval.md'), report);
  console.log(report);
});

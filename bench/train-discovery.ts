// npm run train:discovery — learns the peer ranking's weights from every known link fact of the real import
// (bench/real-data.ts) and writes them, with the report that chose them, to the model file the API serves
// (src/features/discovery/model/peers.model.json) and bench/results/discovery-model.md. The penalty is chosen
// by grouped cross-validation over the facts (bench/discovery-cv.ts); each training question's features leave
// its own fact out, as in the evaluation. Then the learning-partner ranking's weights, from the real take-ups
// (bench/learning-cv.ts), to model/learning.model.json and bench/results/learning-model.md. Seeded throughout:
// the same data gives the same files, byte for byte.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromProject } from '../src/paths.js';
import { FEATURES, Network } from '../src/features/discovery/discovery.features.js';
import { MODEL_PATH, type Model } from '../src/features/discovery/discovery.model.js';
import { LEARNING_FEATURES, LEARNING_MODEL_PATH } from '../src/features/discovery/discovery.learning.js';
import { chooseLearningPenalty, learningModelOf, learningQuestions, sourcesOf, takeUpAsksOf } from './learning-cv.js';
import { LEARNING_SETTINGS } from './learning-settings.js';
import { asksOf, chooseSettings, modelOf, partnersOf, trainingQuestions } from './discovery-cv.js';
import { EVAL_SETTINGS } from './discovery-settings.js';
import { readNetwork, readSolutionList, withRealData } from './real-data.js';

const log = (line: string) => console.error(`[train] ${line}`);
const REPORT = 'bench/results/discovery-model.md';
const LEARNING_REPORT = 'bench/results/learning-model.md';

await withRealData(log, async (db) => {
  const network = new Network(await readNetwork(db));
  const asks = asksOf(network, network.facts);
  const known = partnersOf(asks);
  const factIds = new Set(asks.map((a) => a.fact.id));
  log(`${factIds.size} link facts, ${asks.length} questions; choosing the penalty …`);
  const { seed, negatives, penalties, unknownPartnerWeights, folds, validationCandidates, unknownShare } = EVAL_SETTINGS;
  const penalty = chooseSettings(network, asks, known, { penalties, unknownPartnerWeights }, { folds, negatives, seed: `${seed}:train`, validationCandidates, unknownShare });
  const questions = trainingQuestions(network, asks, known, negatives, `${seed}:train`);
  const trained = modelOf(questions, penalty.best, { version: '', report: REPORT, trainedOn: { facts: factIds.size, questions: questions.length, negativesPerQuestion: negatives, seed } });
  // The version names the weights: a different model never carries the same name.
  const digest = createHash('sha256').update(JSON.stringify([trained.features, trained.mean, trained.scale, trained.weights])).digest('hex').slice(0, 10);
  const model: Model = { ...trained, version: `peers-${digest}` };
  mkdirSync(dirname(fromProject(MODEL_PATH)), { recursive: true });
  writeFileSync(fromProject(MODEL_PATH), `${JSON.stringify(model, null, 2)}\n`);

  const byKind = (k: string) => new Set(asks.filter((a) => a.fact.kind === k).map((a) => a.fact.id)).size;
  const report = [
    `# The peer ranking's model: ${model.version}`,
    '',
    `Written by \`npm run train:discovery\` (bench/train-discovery.ts) to \`${MODEL_PATH}\`, which the API serves. Seed \`${seed}\`: the same data gives the same file. How well a model trained this way ranks partners it has not seen: bench/results/discovery-eval.md (\`npm run eval:discovery\`).`,
    '',
    '## Trained on',
    '',
    `${factIds.size} link facts between municipalities of the register — ${byKind('EXCHANGE')} exchange links, ${byKind('JOINT_PROJECT')} projects run together, ${byKind('ADOPTION')} adoptions of a solution from its origin — asked both ways: ${asks.length} questions, each against ${negatives} candidates drawn at random among the asker's non-partners, its features computed without its own fact. Programme groups, shared solutions and co-attendance are features, never labels.`,
    '',
    '## The settings',
    '',
    `The L2 penalty λ and how much more a question counts whose partner the data knows nothing else of, chosen by ${folds}-fold cross-validation grouped by fact for the best target MRR (${unknownShare * 100} % the MRR over such questions, the rest that over the others, see bench/discovery-settings.ts; ranking among ${validationCandidates.toLocaleString('en')} sampled candidates):`,
    '',
    '| λ | unknown partner × | target MRR | MRR |',
    '| --- | --- | --- | --- |',
    ...penalty.scored.map(
      (p) => `| ${p.lambda} | ${p.unknownPartnerWeight}${p.lambda === penalty.best.lambda && p.unknownPartnerWeight === penalty.best.unknownPartnerWeight ? ' (chosen)' : ''} | ${p.target.toFixed(4)} | ${p.mrr.toFixed(4)} |`,
    ),
    '',
    '## The weights',
    '',
    "On standardised features: contribution = weight × (value − mean) / scale, so a candidate's contributions add up to its score (0 for the average candidate).",
    '',
    '| feature | weight | mean | scale |',
    '| --- | --- | --- | --- |',
    ...FEATURES.map((f, i) => `| ${f} | ${model.weights[i]!.toFixed(4)} | ${model.mean[i]!.toFixed(4)} | ${model.scale[i]!.toFixed(4)} |`),
    '',
  ].join('\n');
  writeFileSync(fromProject(REPORT), report);
  console.log(report);

  // The learning-partner model, on the peer model just written (its scores are two of the features).
  const solutions = await readSolutionList(db);
  const groupOf = new Map(asks.map((a) => [a.fact.id, a.group]));
  const takeUps = takeUpAsksOf(network, solutions, groupOf);
  const sources = sourcesOf(takeUps);
  log(`${takeUps.length} take-ups; choosing the learning model's penalty …`);
  const lp = chooseLearningPenalty(network, model, takeUps, solutions, sources, { penalties: LEARNING_SETTINGS.penalties, folds: LEARNING_SETTINGS.folds, seed: `${LEARNING_SETTINGS.seed}:train` });
  const lq = learningQuestions(network, model, takeUps, solutions, sources);
  const learned = learningModelOf(lq, lp.best, { version: '', report: LEARNING_REPORT, trainedOn: { facts: takeUps.length, questions: lq.length, negativesPerQuestion: 0, seed: LEARNING_SETTINGS.seed } });
  const learningDigest = createHash('sha256').update(JSON.stringify([learned.features, learned.mean, learned.scale, learned.weights])).digest('hex').slice(0, 10);
  const learning: Model = { ...learned, version: `learning-${learningDigest}` };
  writeFileSync(fromProject(LEARNING_MODEL_PATH), `${JSON.stringify(learning, null, 2)}\n`);
  const learningReport = [
    `# The learning-partner ranking's model: ${learning.version}`,
    '',
    `Written by \`npm run train:discovery\` (bench/train-discovery.ts) to \`${LEARNING_MODEL_PATH}\`, which the API serves, after the peer model ${model.version} (whose scores are two of its features). Seed \`${LEARNING_SETTINGS.seed}\`. How well a model trained this way finds what a municipality really took up: bench/results/learning-eval.md (\`npm run eval:learning\`).`,
    '',
    '## Trained on',
    '',
    `${takeUps.length} real take-ups whose source runs a measure or project in the data (${takeUps.filter((a) => a.fact.kind === 'ADOPTION').length} adoptions of a solution from its origin, ${takeUps.filter((a) => a.fact.kind === 'EXCHANGE').length} exchange links of kind TRANSFER): each a question "what should the taker learn from?", every solution of its source a positive against every solution of a runner that is none of the taker's sources, its features computed without its own fact. ${lq.length} training questions.`,
    '',
    '## The penalty',
    '',
    `Chosen by ${LEARNING_SETTINGS.folds}-fold cross-validation grouped by fact, for the best MRR:`,
    '',
    '| λ | MRR |',
    '| --- | --- |',
    ...lp.scored.map((p) => `| ${p.lambda}${p.lambda === lp.best ? ' (chosen)' : ''} | ${p.mrr.toFixed(4)} |`),
    '',
    '## The weights',
    '',
    '| feature | weight | mean | scale |',
    '| --- | --- | --- | --- |',
    ...LEARNING_FEATURES.map((f, i) => `| ${f} | ${learning.weights[i]!.toFixed(4)} | ${learning.mean[i]!.toFixed(4)} | ${learning.scale[i]!.toFixed(4)} |`),
    '',
  ].join('\n');
  writeFileSync(fromProject(LEARNING_REPORT), learningReport);
  console.log(learningReport);
});

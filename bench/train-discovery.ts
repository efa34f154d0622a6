// npm run train:discovery — learns the peer ranking's weights from every known link fact of the real import
// (bench/real-data.ts) and writes them, with the report that chose them, to the model file the API serves
// (src/features/discovery/model/peers.model.json) and bench/results/discovery-model.md. The penalty is chosen
// by grouped cross-validation over the facts (bench/discovery-cv.ts); each training question's features leave
// its own fact out, as in the evaluation. Seeded throughout: the same data gives the same file, byte for byte.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromProject } from '../src/paths.js';
import { FEATURES, Network } from '../src/features/discovery/discovery.features.js';
import { MODEL_PATH, type Model } from '../src/features/discovery/discovery.model.js';
import { asksOf, chooseSettings, modelOf, partnersOf, trainingQuestions } from './discovery-cv.js';
import { EVAL_SETTINGS } from './discovery-settings.js';
import { readNetwork, withRealData } from './real-data.js';

const log = (line: string) => console.error(`[train] ${line}`);
const REPORT = 'bench/results/discovery-model.md';

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
});

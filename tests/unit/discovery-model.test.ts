// The learned peer ranking's parts: the pair features on a small hand-made network (with a fact held out),
// the neighbouring Kreise, the model's contributions adding up to its score, and a fit that is the same twice.
import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURES, kreisNeighbours, Network, type NetworkInput, type Unit } from '../../src/features/discovery/discovery.features.js';
import { checkedModel, contributions, fit, linearOf, scores, standardisation, type Model, type Question } from '../../src/features/discovery/discovery.model.js';
import { LEARNING_FEATURE_COUNT, LEARNING_FEATURES, learningFeatures, takenUpFrom, takeUpOf } from '../../src/features/discovery/discovery.learning.js';
import type { Solution } from '../../src/features/discovery/discovery.profiles.js';
import { LIST_CAPS } from '../../src/kernel/list-caps.js';

const unit = (ags: string, kind: string, lat: number | null, lon: number | null, population: number | null, state = 'SCHLESWIG_HOLSTEIN'): Unit => ({
  ags,
  kind,
  population,
  sizeClass: population && population > 20_000 ? 'MITTELSTADT' : 'KLEINSTADT',
  urbanisation: null,
  state,
  lat,
  lon,
});

// Kreis 01001 with two Gemeinden, Kreis 01002 next to it with one, a Gemeinde far away in another Land.
const input: NetworkInput = {
  units: [
    unit('01', 'LAND', null, null, null),
    unit('01001', 'LANDKREIS', 54.0, 9.0, 100_000),
    unit('01001001', 'GEMEINDE', 54.0, 9.0, 5_000),
    unit('01001002', 'STADT', 54.1, 9.1, 30_000),
    unit('01002001', 'GEMEINDE', 54.0, 9.25, 5_000),
    unit('09001001', 'GEMEINDE', 48.0, 11.0, 5_000, 'BAYERN'),
  ],
  runs: [
    ['01001001', 'p1', ['mobilitaet']],
    ['01001002', 'p1', ['mobilitaet']],
    ['09001001', 'p2', ['mobilitaet', 'energie']],
  ],
  interests: [],
  participations: [
    ['01001001', 'slr', 'Nord', [], false],
    ['01002001', 'slr', 'Nord', [], false],
  ],
  uses: [['01002001', 'dorffunk', ['mobilitaet']]],
  origins: [['dorffunk', '09001001']],
  attended: [
    ['01001001', 'rk-1'],
    ['09001001', 'rk-1'],
  ],
  facts: [
    { id: 'exchange:01001001|01002001|KNOWLEDGE_EXCHANGE', kind: 'EXCHANGE', pairs: [['01001001', '01002001']], year: 2023 },
    { id: 'project:p1', kind: 'JOINT_PROJECT', pairs: [['01001001', '01001002']], year: 2020, project: 'p1' },
    { id: 'adoption:dorffunk|01002001', kind: 'ADOPTION', pairs: [['01002001', '09001001']], year: null, adoption: { solution: 'dorffunk', adopter: '01002001' } },
  ],
  parents: [],
};

const row = (network: Network, asker: string, candidate: string) => {
  const pf = network.features(asker, [candidate]);
  return Object.fromEntries(FEATURES.map((f, i) => [f, pf.x[i]!]));
};

describe('pair features', () => {
  const network = new Network(input);

  it('has every municipality but the Länder as a candidate, never the asker', () => {
    expect(network.candidates).toEqual(['01001', '01001001', '01001002', '01002001', '09001001']);
    expect(network.features('01001001').candidates).not.toContain('01001001');
  });

  it('says where the two are and how alike', () => {
    const g = row(network, '01001001', '01001002');
    expect(g).toMatchObject({ sameKreis: 1, kreisAndMember: 0, neighbouringKreis: 0, sameLand: 1, sameKind: 1, sameSizeClass: 0 });
    expect(g.logPopulationRatio).toBeCloseTo(Math.log(6), 12);
    expect(g.candidateLogPopulation).toBeCloseTo(Math.log1p(30_000), 12);
    expect(row(network, '01001001', '01001')).toMatchObject({ sameKreis: 1, kreisAndMember: 1, candidateLandkreis: 1, sameKind: 0 });
    const far = row(network, '01001001', '09001001');
    expect(far).toMatchObject({ sameKreis: 0, sameLand: 0 });
    expect(Math.expm1(far.logDistance!)).toBeGreaterThan(600);
  });

  it('counts what the two share and how near they are in the network of known links', () => {
    // 01001001 – 01002001: the same programme and group; linked directly, so not "within three steps".
    expect(row(network, '01001001', '01002001')).toMatchObject({ sharedProgrammes: Math.log1p(1), sharedGroups: 1, neighbouringKreis: 1 });
    // 01001002 and 01002001 have one common partner, 01001001 (two partners): Adamic-Adar 1 / ln 2.
    const two = row(network, '01001002', '01002001');
    expect(two.commonNeighbours).toBeCloseTo(Math.log1p(1), 12);
    expect(two.adamicAdar).toBeCloseTo(1 / Math.log(2), 12);
    expect(two.withinThreeSteps).toBe(1);
    // 01002001 uses DorfFunk, which originated in 09001001; both attended nothing together.
    expect(row(network, '01002001', '09001001')).toMatchObject({ adoptedFromOther: 1, coAttendance: 0 });
    expect(row(network, '01001001', '09001001').coAttendance).toBeCloseTo(Math.log1p(1), 12);
    // Same topic, one shared of two on the other side.
    expect(row(network, '01001001', '09001001').topicSimilarity).toBeGreaterThan(0);
  });

  it('leaves a held-out fact out of everything: its link, a joint project’s topics, an adopter’s solution', () => {
    const without = network.without(['project:p1', 'adoption:dorffunk|01002001']);
    const g = row(without, '01001001', '01001002');
    expect(g.topicSimilarity).toBe(0);
    expect(without.linked('01001001', '01001002')).toBe(false);
    expect(network.linked('01001001', '01001002')).toBe(true);
    expect(row(without, '01002001', '09001001')).toMatchObject({ adoptedFromOther: 0, sharedSolutions: 0, topicSimilarity: 0 });
    expect(without.shared('01002001', '09001001').adoptedFrom).toEqual([]);
    expect(network.shared('01002001', '09001001').adoptedFrom).toEqual([['dorffunk', '01002001']]);
  });
});

describe('neighbouring Kreise', () => {
  it('joins Kreise whose Gemeinden lie next to each other, not those far apart', () => {
    const grid: Unit[] = [];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        grid.push(unit(`01001${i}${j}0`, 'GEMEINDE', 54 + i * 0.05, 9 + j * 0.05, 1000));
        grid.push(unit(`01002${i}${j}0`, 'GEMEINDE', 54 + i * 0.05, 9.25 + j * 0.05, 1000));
        grid.push(unit(`09001${i}${j}0`, 'GEMEINDE', 48 + i * 0.05, 11 + j * 0.05, 1000));
      }
    const unique = [...new Map(grid.map((u) => [u.ags, u])).values()];
    const n = kreisNeighbours(unique);
    expect([...(n.get('01001') ?? [])]).toEqual(['01002']);
    expect(n.get('09001')).toBeUndefined();
  });
});

describe('the model', () => {
  const network = new Network(input);
  const model: Model = {
    version: 'test',
    features: [...FEATURES],
    mean: FEATURES.map((_, i) => i / 10),
    scale: FEATURES.map((_, i) => 1 + i / 7),
    weights: FEATURES.map((_, i) => Math.sin(i + 1)),
    lambda: 0.1,
    unknownPartnerWeight: 1,
    report: '',
    trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: 'x' },
  };

  it('lists every contribution within the schema’s cap, so they always add up to the score', () => {
    expect(LIST_CAPS['Explanation.contributions']).toBeGreaterThanOrEqual(FEATURE_COUNT);
    expect(LIST_CAPS['LearningExplanation.contributions']).toBeGreaterThanOrEqual(LEARNING_FEATURE_COUNT);
  });

  it('scores each candidate as the sum of its features’ contributions', () => {
    const pf = network.features('01001001');
    const s = scores(model, pf);
    for (let i = 0; i < pf.candidates.length; i++) {
      const parts = contributions(model, pf.x, i * FEATURE_COUNT);
      expect(parts.map((p) => p.feature)).toEqual([...FEATURES]);
      expect(parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(s[i]!, 10);
    }
  });

  it('learns the same weights twice, and a positive weight for what tells partners from others', () => {
    // The partner shares the Kreis, none of the others do.
    const sameKreis = FEATURES.indexOf('sameKreis');
    const questions: Question[] = Array.from({ length: 20 }, (_, q) => {
      const rows = 6;
      const x = new Float64Array(rows * FEATURE_COUNT);
      for (let r = 0; r < rows; r++) {
        x[r * FEATURE_COUNT + sameKreis] = r === 0 || (q % 5 === 0 && r === 1) ? 1 : 0;
        x[r * FEATURE_COUNT] = Math.log1p(10 + 37 * ((q * 7 + r * 3) % 11));
      }
      return { asker: String(q), x, rows, weight: 1 };
    });
    const std = standardisation(questions);
    const a = fit(questions, std, { lambda: 0.01 });
    const b = fit(questions, std, { lambda: 0.01 });
    expect(a).toEqual(b);
    expect(a[sameKreis]).toBeGreaterThan(0.5);
    expect(Math.abs(a[FEATURES.indexOf('topicSimilarity')]!)).toBeLessThan(1e-9);
  });
});

describe('learning-partner features', () => {
  const network = new Network({
    ...input,
    facts: [...input.facts, { id: 'exchange:01001002|09001001|TRANSFER', kind: 'EXCHANGE', pairs: [['01001002', '09001001']], year: 2024, transfer: { from: '09001001', to: '01001002' } }],
  });
  const base: Model = { version: 'test', features: [...FEATURES], mean: [], scale: [], weights: [], lambda: 0.1, unknownPartnerWeight: 1, report: '', trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: 'x' } };
  // A peer model that prefers the near: only the distance counts.
  const nearFirst: Model = { ...base, weights: FEATURES.map((f) => (f === 'logDistance' ? -1 : 0)), mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1) };
  const solution = (key: string, runner: string, status: Solution['status'], topics: string[]): Solution => ({ key, type: 'Measure', project: `p-${key}`, status, statusAsOf: null, topics, profile: new Map(topics.map((t) => [t, 1])), runners: [runner] });
  const list = [solution('bus', '09001001', 'IMPLEMENTED', ['mobilitaet']), solution('plan', '01001001', 'PLANNED', ['energie'])];
  const at = (name: (typeof LEARNING_FEATURES)[number]) => LEARNING_FEATURES.indexOf(name);

  it('reads a take-up from an adoption (adopter ← origin) and from a TRANSFER link (to ← from), and none from other facts', () => {
    expect(network.facts.map(takeUpOf)).toEqual([null, null, { by: '01002001', from: '09001001' }, { by: '01001002', from: '09001001' }]);
    expect([...(takenUpFrom(network).get('09001001') ?? [])].sort()).toEqual(['01001002', '01002001']);
    // Held out, a take-up counts no more.
    expect([...(takenUpFrom(network.without(['adoption:dorffunk|01002001'])).get('09001001') ?? [])]).toEqual(['01001002']);
  });

  it('computes status, distance and what the asker’s best peers took up from the runner', () => {
    const lf = learningFeatures(network, nearFirst, '01001001', list, new Map([['mobilitaet', 1]]));
    expect(lf.candidates).toEqual(['Measure:bus', 'Measure:plan']);
    const x = (i: number, f: (typeof LEARNING_FEATURES)[number]) => lf.x[i * LEARNING_FEATURE_COUNT + at(f)]!;
    expect([x(0, 'status'), x(1, 'status')]).toEqual([1, 0.3]);
    expect(x(0, 'runnerTakenUpBy')).toBeCloseTo(Math.log1p(2), 12);
    expect(x(1, 'runnerTakenUpBy')).toBe(0);
    // Both who took something up from the Bavarian runner are among the asker's (five) best peers.
    expect(lf.peersLikeYouOf('09001001').sort()).toEqual(['01001002', '01002001']);
    expect(x(0, 'takenUpByPeersLikeYou')).toBeCloseTo(Math.log1p(2), 12);
    expect(x(0, 'logRunnerDistance')).toBeGreaterThan(x(1, 'logRunnerDistance'));
    expect([x(0, 'isProject'), x(1, 'isProject')]).toEqual([0, 0]);
    // The runner's peer score is the peer model's score of the pair.
    const pf = network.features('01001001', ['09001001']);
    expect(x(0, 'runnerPeerScore')).toBeCloseTo(scores(nearFirst, pf)[0]!, 12);
  });

  it('scores with a model of its own features, the contributions adding up to the score', () => {
    const lf = learningFeatures(network, nearFirst, '01001001', list, new Map([['mobilitaet', 1]]));
    const learning: Model = { ...base, features: [...LEARNING_FEATURES], weights: LEARNING_FEATURES.map((_, i) => i - 3), mean: LEARNING_FEATURES.map(() => 0.5), scale: LEARNING_FEATURES.map(() => 2) };
    const s = scores(learning, lf);
    for (let i = 0; i < 2; i++) expect(contributions(learning, lf.x, i * LEARNING_FEATURE_COUNT).reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(s[i]!, 12);
    expect(() => checkedModel(learning)).toThrow(/other features/);
    expect(checkedModel(learning, LEARNING_FEATURES).version).toBe(learning.version);
  });
});

describe('scores without the features kept', () => {
  it('scoresOf gives every candidate the score scores() gives from the kept features, to the last bit', () => {
    const network = new Network(input);
    const model: Model = {
      version: 'test',
      features: [...FEATURES],
      mean: FEATURES.map((_, i) => i / 10),
      scale: FEATURES.map((_, i) => 1 + i / 7),
      weights: FEATURES.map((_, i) => Math.cos(i + 1)),
      lambda: 0.1,
      unknownPartnerWeight: 1,
      report: '',
      trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: 'x' },
    };
    for (const asker of ['01001001', '01002001', '09001001']) {
      const pf = network.features(asker);
      const quick = network.scoresOf(asker, network.candidates, undefined, linearOf(model));
      expect(quick.candidates).toEqual(pf.candidates);
      expect([...quick.scores]).toEqual([...scores(model, pf)]);
    }
  });
});

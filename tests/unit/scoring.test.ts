// The discovery scoring on a hand-built set of profiles, against values computed by hand.
import { describe, expect, it } from 'vitest';
import { contributionsOf } from '../../src/features/discovery/discovery.profiles.js';
import {
  combinedScore,
  coverage,
  explainedProfileOf,
  learningScore,
  norm,
  topicScore,
  FIELD_WEIGHT,
  INHERITED_FROM_ABOVE,
  inverseDocumentFrequency,
  profileOf,
  rank,
  similarity,
  STRUCTURE_WEIGHTS,
  structuralSimilarity,
} from '../../src/features/discovery/discovery.scoring.js';

const parents = new Map([
  ['sharing', 'mobilitaet'],
  ['verkehrssteuerung', 'mobilitaet'],
]);

// Four municipalities. A: sharing + energie; B: mobilitaet + energie; C: energie; D: bildung.
const A = profileOf(['sharing', 'energie'], parents);
const B = profileOf(['mobilitaet', 'energie'], parents);
const C = profileOf(['energie'], parents);
const D = profileOf(['bildung'], parents);

describe('profiles', () => {
  it('count a sub-topic for its field at the lower weight, unless the field is there directly', () => {
    expect([...A]).toEqual([['sharing', 1], ['energie', 1], ['mobilitaet', FIELD_WEIGHT]]);
    expect([...profileOf(['sharing', 'mobilitaet'], parents)]).toEqual([['sharing', 1], ['mobilitaet', 1]]);
  });
});

describe('inverse document frequency', () => {
  it('is ln((1+N)/(1+df)) + 1 over all profiles', () => {
    const { idf, n } = inverseDocumentFrequency([A, B, C, D]);
    expect(n).toBe(4);
    // energie in A, B, C: ln(5/4)+1; mobilitaet in A (field) and B: ln(5/3)+1; bildung, sharing: ln(5/2)+1.
    expect(idf('energie')).toBeCloseTo(1.2231436, 6);
    expect(idf('mobilitaet')).toBeCloseTo(1.5108256, 6);
    expect(idf('bildung')).toBeCloseTo(1.9162907, 6);
    expect(idf('unknown')).toBeCloseTo(Math.log(5) + 1, 6);
  });
});

describe('similarity', () => {
  const { idf } = inverseDocumentFrequency([A, B, C, D]);
  const e = Math.log(5 / 4) + 1;
  const m = Math.log(5 / 3) + 1;
  const s = Math.log(5 / 2) + 1;

  it('A and B share energie fully and mobilitaet at the field weight', () => {
    // union: sharing 1·s + energie 1·e + mobilitaet max(0.5, 1)·m; shared: energie 1·e + mobilitaet 0.5·m.
    const union = s + e + m;
    const result = similarity(A, B, idf);
    expect(result.score).toBeCloseTo((e + 0.5 * m) / union, 9);
    expect(result.score).toBeCloseTo(0.42547, 4);
    expect(result.shared.map((t) => t.slug)).toEqual(['energie', 'mobilitaet']);
    expect(result.shared[0]!.weight).toBeCloseTo(e / union, 9);
    expect(result.shared[1]!.weight).toBeCloseTo((0.5 * m) / union, 9);
    expect(result.shared.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(result.score, 12);
  });

  it('is symmetric, 1 for equal profiles, 0 when nothing is shared', () => {
    expect(similarity(B, A, idf).score).toBeCloseTo(similarity(A, B, idf).score, 12);
    expect(similarity(C, C, idf).score).toBe(1);
    expect(similarity(A, D, idf)).toEqual({ score: 0, shared: [] });
  });

  it('ranks by score, then by key, and leaves out who shares nothing', () => {
    const ranked = rank(
      A,
      [
        { item: 'D', key: 'd', profile: D },
        { item: 'C', key: 'c', profile: C },
        { item: 'B', key: 'b', profile: B },
        { item: 'C2', key: 'a', profile: C },
      ],
      idf,
    );
    // A–B ≈ 0.4255; A–C = e / (s + e + 0.5·m) ≈ 0.3140 (twice, tie broken by key a < c).
    expect(ranked.map((r) => r.item)).toEqual(['B', 'C2', 'C']);
    expect(ranked[1]!.similarity.score).toBeCloseTo(e / (s + e + 0.5 * m), 9);
    expect(ranked[1]!.similarity.score).toBeCloseTo(0.31404, 4);
  });
});

describe('inherited profiles', () => {
  it('take the highest weight a topic gets, and keep where an inherited one comes from', () => {
    const { profile, via } = explainedProfileOf(
      [
        { slug: 'energie', weight: 1 },
        { slug: 'energie', weight: INHERITED_FROM_ABOVE, via: { from: '07137', project: 'myk10' } },
        { slug: 'sharing', weight: INHERITED_FROM_ABOVE, via: { from: '07137', project: 'myk10' } },
        { slug: 'sharing', weight: INHERITED_FROM_ABOVE, via: { from: '071375002', project: 'vg-maifeld' } },
      ],
      parents,
    );
    // Own energie stays 1 with no via; inherited sharing 0.5 via both; its field mobilitaet 0.25 via both.
    expect([...profile]).toEqual([['energie', 1], ['sharing', 0.5], ['mobilitaet', 0.25]]);
    expect(via.has('energie')).toBe(false);
    expect(via.get('sharing')).toEqual([{ from: '07137', project: 'myk10' }, { from: '071375002', project: 'vg-maifeld' }]);
    expect(via.get('mobilitaet')).toHaveLength(2);
  });
});

describe('structural similarity', () => {
  const polch = { population: 7000, sizeClass: 'KLEINSTADT', urbanisation: 'THIN', kind: 'STADT', state: 'RHEINLAND_PFALZ' };

  it('is 1 for two equal municipalities at distance 0', () => {
    expect(structuralSimilarity(polch, polch, 0).score).toBeCloseTo(1, 12);
  });

  it('sums the weighted parts, computed by hand', () => {
    // 70,000 in another Land, another size class, the same urbanisation, a Gemeinde too, 100 km away:
    // population 1 − ln(10)/ln(100) = 0.5 → 0.175; urbanisation 0.15; kind 0.15; distance 1/2 → 0.05.
    const other = { population: 70_000, sizeClass: 'MITTELSTADT', urbanisation: 'THIN', kind: 'GEMEINDE', state: 'HESSEN' };
    const m = structuralSimilarity(polch, other, 100);
    expect(m).toMatchObject({ populationRatio: 10, sameSizeClass: false, sameUrbanisation: true, sameKind: true, sameState: false, distanceKm: 100 });
    expect(m.score).toBeCloseTo(0.175 + 0.15 + 0.15 + 0.05, 12);
    expect(Object.values(STRUCTURE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('scores unknown values 0 and a population ratio of 100 or more 0', () => {
    const kreis = { population: null, sizeClass: null, urbanisation: null, kind: 'LANDKREIS', state: 'RHEINLAND_PFALZ' };
    expect(structuralSimilarity(polch, kreis, null)).toMatchObject({ score: 0.1, populationRatio: null, sameKind: false });
    expect(structuralSimilarity(polch, { ...polch, population: 700_000 }, 0).score).toBeCloseTo(1 - 0.35, 12);
  });

  it('combines with the topic score by rankBy', () => {
    expect(combinedScore(0.5, 0.8, 'TOPICS')).toBe(0.5);
    expect(combinedScore(0.5, 0.8, 'STRUCTURE')).toBe(0.8);
    expect(combinedScore(0.5, 0.8, 'BOTH')).toBeCloseTo(0.2 * 0.5 + 0.8 * 0.8, 12);
    expect(combinedScore(0.5, 0.8, 'BOTH', 0.5)).toBeCloseTo(0.65, 12);
  });
});

describe('the cheap topic score and the learning partners’ coverage', () => {
  const { idf } = inverseDocumentFrequency([A, B, C, D]);
  it('gives the score of similarity() from the norms', () => {
    for (const [x, y] of [[A, B], [A, C], [B, C], [A, D], [B, A]] as const) {
      expect(topicScore(x, norm(x, idf), y, norm(y, idf), idf)).toBeCloseTo(similarity(x, y, idf).score, 12);
    }
  });

  it('measures how much of the asker a solution covers, computed by hand', () => {
    // Asker A {sharing 1, energie 1, mobilitaet 0.5}; a solution on energie alone covers e / (s + e + 0.5 m).
    const e = Math.log(5 / 4) + 1;
    const m = Math.log(5 / 3) + 1;
    const s = Math.log(5 / 2) + 1;
    const c = coverage(A, profileOf(['energie'], parents), idf);
    expect(c.score).toBeCloseTo(e / (s + e + 0.5 * m), 12);
    expect(c.shared.map((x) => x.slug)).toEqual(['energie']);
    expect(learningScore(c.score, 'IMPLEMENTED', 0.5, false)).toBeCloseTo(0.6 * c.score + 0.2 + 0.1, 12);
    expect(learningScore(0, 'PLANNED', 0.5, true)).toBeCloseTo(0.5 * 0.3 + 0.25, 12);
  });
});

describe('what gives a municipality its topics', () => {
  it('keeps, per topic held itself, every basis in a fixed order, its field of action included; none for a topic only inherited', () => {
    const parentOf = new Map([['on-demand-mobilitaet', 'mobilitaet']]);
    const { profile, bases } = explainedProfileOf(
      [
        { slug: 'on-demand-mobilitaet', weight: 1, basis: 'SOLUTION' },
        { slug: 'on-demand-mobilitaet', weight: 1, basis: 'PROGRAMME' },
        { slug: 'mobilitaet', weight: 1, basis: 'INTEREST' },
        { slug: 'energie', weight: 0.5, via: { from: '07137', project: 'p1' } },
      ],
      parentOf,
    );
    expect(bases.get('on-demand-mobilitaet')).toEqual(['PROGRAMME', 'SOLUTION']);
    expect(bases.get('mobilitaet')).toEqual(['PROGRAMME', 'SOLUTION', 'INTEREST']);
    expect(bases.has('energie')).toBe(false);
    expect(profile.get('energie')).toBe(0.5);
  });

  it('counts a programme\'s own fields at half weight, the municipality\'s own programme topics and solutions at full weight', () => {
    const out = contributionsOf({
      runs: [],
      interests: [],
      programmes: [['07231', 'smarte-land-regionen', ['gesundheit'], true], ['09377116', 'by-digitales-dorf', ['city-apps'], false]],
      uses: [['12069020', 'smart-village-app', ['city-apps']]],
      below: [],
      above: [],
    });
    expect(out.get('07231')).toEqual([{ slug: 'gesundheit', weight: 0.5, basis: 'PROGRAMME' }]);
    expect(out.get('09377116')).toEqual([{ slug: 'city-apps', weight: 1, basis: 'PROGRAMME' }]);
    expect(out.get('12069020')).toEqual([{ slug: 'city-apps', weight: 1, basis: 'SOLUTION' }]);
  });
});

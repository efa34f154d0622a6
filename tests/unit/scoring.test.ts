// The discovery scoring on a hand-built set of profiles, against values computed by hand.
import { describe, expect, it } from 'vitest';
import { FIELD_WEIGHT, inverseDocumentFrequency, profileOf, rank, similarity } from '../../src/features/discovery/discovery.scoring.js';

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

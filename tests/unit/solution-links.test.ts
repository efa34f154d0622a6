// The reach graph's links through solutions: an adoption from the origin, and two users of one solution.
import { describe, expect, it } from 'vitest';
import { solutionLinks } from '../../src/features/reach/reach.repository.js';

describe('links through solutions', () => {
  const users = [
    { ags: '12069020', date: '2019-08', origin: true },
    { ags: '13075', date: '2021', origin: false },
    { ags: '14521710', date: null, origin: false },
  ];

  it('links the origin to each other user (SOLUTION), dated at the last day the source\'s date can mean', () => {
    const adoptions = solutionLinks([{ solution: 'smart-village-app', origin: '12069020', users }]).filter((l) => l.kind === 'SOLUTION');
    expect(adoptions).toEqual([
      { from: '12069020', to: '13075', kind: 'SOLUTION', since: '2021-12-31', generated: false, solution: 'smart-village-app' },
      { from: '12069020', to: '14521710', kind: 'SOLUTION', since: null, generated: false, solution: 'smart-village-app' },
    ]);
  });

  it('links every two users once (SHARED_SOLUTION), by the later date, undated when either is', () => {
    const pairs = solutionLinks([{ solution: 'smart-village-app', origin: '12069020', users }]).filter((l) => l.kind === 'SHARED_SOLUTION');
    expect(pairs.map((l) => [l.from, l.to, l.since])).toEqual([
      ['12069020', '13075', '2021-12-31'],
      ['12069020', '14521710', null],
      ['13075', '14521710', null],
    ]);
  });

  it('draws no adoption for a solution without a German origin', () => {
    expect(solutionLinks([{ solution: 'dorffunk', origin: null, users }]).some((l) => l.kind === 'SOLUTION')).toBe(false);
  });
});

// The per-version reads stream rows by part (discovery.profiles, discovery.solutions); these gather them
// into the shapes the builds take, whatever order the rows arrive in.
import { describe, expect, it } from 'vitest';
import { profilesRowOf, solutionsRowOf, type PartRow } from '../../src/features/discovery/discovery.profiles.js';

describe('rows by part', () => {
  it('gather the profiles read: lists by part, topics as slugs, the version', () => {
    const rows: PartRow[] = [
      { part: 'topics', row: ['mobilitaet'] },
      { part: 'runs', row: ['07137', 'p1', ['mobilitaet'], 'MPSC'] },
      { part: 'version', row: [7] },
      { part: 'parents', row: ['sharing', 'mobilitaet'] },
      { part: 'units', row: ['07137', 'LANDKREIS', 214_000, null, null, 'RP', 50.3, 7.3] },
      { part: 'interests', row: ['07137099', 'sharing'] },
      { part: 'programmes', row: ['07137', 'smarte-land-regionen', ['mobilitaet'], true] },
      { part: 'uses', row: ['07137099', 'dorffunk', ['city-apps']] },
      { part: 'active', row: ['07137099'] },
      { part: 'below', row: ['07137099', '07137'] },
      { part: 'above', row: ['07137', '07137099'] },
      { part: 'topics', row: ['sharing'] },
    ];
    expect(profilesRowOf(rows)).toEqual({
      runs: [['07137', 'p1', ['mobilitaet'], 'MPSC']],
      units: [['07137', 'LANDKREIS', 214_000, null, null, 'RP', 50.3, 7.3]],
      interests: [['07137099', 'sharing']],
      programmes: [['07137', 'smarte-land-regionen', ['mobilitaet'], true]],
      uses: [['07137099', 'dorffunk', ['city-apps']]],
      active: ['07137099'],
      below: [['07137099', '07137']],
      above: [['07137', '07137099']],
      topics: ['mobilitaet', 'sharing'],
      parents: [['sharing', 'mobilitaet']],
      version: 7,
    });
    expect(profilesRowOf([{ part: 'version', row: [null] }]).version).toBeNull();
  });

  it('gather the solutions read: measures before projects, each project\'s runners lead first, then by key', () => {
    const rows: PartRow[] = [
      { part: 'projects', row: ['p1', 'Project', 'p1', 'IN_PROGRESS', null, ['mobilitaet']] },
      { part: 'runners', row: ['p1', '09000', 1] },
      { part: 'measures', row: ['m1', 'Measure', 'p1', 'IMPLEMENTED', '2024', ['sharing']] },
      { part: 'runners', row: ['p1', '08000', 1] },
      { part: 'runners', row: ['p2', '01000', 1] },
      { part: 'runners', row: ['p1', '10000', 0] },
      { part: 'version', row: [3] },
      { part: 'parents', row: ['sharing', 'mobilitaet'] },
    ];
    const row = solutionsRowOf(rows);
    expect(row.solutions.map(([key]) => key)).toEqual(['m1', 'p1']);
    expect(row.runners.filter(([project]) => project === 'p1').map(([, ags]) => ags)).toEqual(['10000', '08000', '09000']);
    expect(row.runners).toContainEqual(['p2', '01000']);
    expect(row.parents).toEqual([['sharing', 'mobilitaet']]);
    expect(row.version).toBe(3);
  });
});

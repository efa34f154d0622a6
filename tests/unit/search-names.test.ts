// Names as people type them: the kind of unit written before a name is not part of the register's name.
import { describe, expect, it } from 'vitest';
import { kindPrefix } from '../../src/features/discovery/discovery.search.js';

describe('a kind written before a name', () => {
  it('is taken off the text and kept as the kinds to put first', () => {
    expect(kindPrefix('Landkreis Vulkaneifel')).toEqual({ text: 'Vulkaneifel', kinds: ['LANDKREIS'] });
    expect(kindPrefix('Kreis Cochem-Zell')).toEqual({ text: 'Cochem-Zell', kinds: ['LANDKREIS', 'KREISFREIE_STADT'] });
    expect(kindPrefix('Gemeinde Reit im Winkl')).toEqual({ text: 'Reit im Winkl', kinds: ['GEMEINDE', 'STADT'] });
    expect(kindPrefix('amt Schwaan')).toEqual({ text: 'Schwaan', kinds: ['VERBAND'] });
  });
  it('stays when it is the whole text, or not a kind at all', () => {
    expect(kindPrefix('Kreis')).toEqual({ text: 'Kreis', kinds: null });
    expect(kindPrefix('Stadtallendorf')).toEqual({ text: 'Stadtallendorf', kinds: null });
    expect(kindPrefix('Bad Belzig')).toEqual({ text: 'Bad Belzig', kinds: null });
  });
});

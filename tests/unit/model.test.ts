import { describe, expect, it } from 'vitest';
import { kindFitsAgs, parentCandidates, sizeClassOf, stateOfAgs } from '../../src/records/municipality.model.js';
import { fromGlobalId, toGlobalId } from '../../src/kernel/global-id.js';
import { nameKey } from '../../src/kernel/text.js';

describe('municipality rules', () => {
  it('draws size classes at 5 000, 20 000 and 100 000 inhabitants', () => {
    expect([null, 0, 4_999, 5_000, 19_999, 20_000, 99_999, 100_000, 3_600_000].map(sizeClassOf)).toEqual([
      null, 'LANDGEMEINDE', 'LANDGEMEINDE', 'KLEINSTADT', 'KLEINSTADT', 'MITTELSTADT', 'MITTELSTADT', 'GROSSSTADT', 'GROSSSTADT',
    ]);
  });

  it('reads the Land from the first two AGS digits', () => {
    expect(stateOfAgs('01001000')).toBe('SCHLESWIG_HOLSTEIN');
    expect(stateOfAgs('07137')).toBe('RHEINLAND_PFALZ');
    expect(stateOfAgs('16')).toBe('THUERINGEN');
    expect(stateOfAgs('17')).toBeNull();
    expect(stateOfAgs('00')).toBeNull();
  });

  it('knows which kinds an AGS length allows, and where its parent may be', () => {
    expect(kindFitsAgs('LAND', '07')).toBe(true);
    expect(kindFitsAgs('LANDKREIS', '07137')).toBe(true);
    expect(kindFitsAgs('KREISFREIE_STADT', '08421000')).toBe(true);
    expect(kindFitsAgs('GEMEINDE', '07137')).toBe(false);
    expect(kindFitsAgs('VERBAND', '071375003')).toBe(true);
    expect(parentCandidates('07137068')).toEqual(['07137', '07']);
    expect(parentCandidates('07137')).toEqual(['07']);
    expect(parentCandidates('07')).toEqual([]);
  });
});

describe('nameKey', () => {
  it('folds case, umlauts, ß and their ASCII spellings together', () => {
    expect(nameKey('München')).toBe(nameKey('MUENCHEN'));
    expect(nameKey('München')).toBe(nameKey('munchen'));
    expect(nameKey('Gießen')).toBe(nameKey('giessen'));
    expect(nameKey('Baden-Württemberg')).toBe('baden-wurttemberg');
    expect(nameKey('Düsseldorf')).toBe(nameKey('Duesseldorf'));
    expect(nameKey('  Bad   Kreuznach ')).toBe('bad kreuznach');
    expect(nameKey('Mayen, Stadt') < nameKey('Mayen-Koblenz')).toBe(true);
  });
});

describe('global ids', () => {
  it('round-trip, and anything else is not one', () => {
    expect(fromGlobalId(toGlobalId('Municipality', '07137'))).toEqual({ type: 'Municipality', key: '07137' });
    expect(fromGlobalId(toGlobalId('Contact', '11111111-1111-4111-8111-111111111111'))).toEqual({ type: 'Contact', key: '11111111-1111-4111-8111-111111111111' });
    expect(fromGlobalId('')).toBeNull();
    expect(fromGlobalId('%%')).toBeNull();
    expect(fromGlobalId(Buffer.from('Planet:x').toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Project:').toString('base64url'))).toBeNull();
  });
});

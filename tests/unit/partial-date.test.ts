import { describe, expect, it } from 'vitest';
import { latestDay, parsePartialDate } from '../../src/kernel/partial-date.js';

describe('a date at its source\'s precision', () => {
  it('keeps a year as a year, spanning the whole year', () => {
    expect(parsePartialDate('2023')).toEqual({ value: '2023', precision: 'YEAR', earliest: '2023-01-01', latest: '2023-12-31' });
  });
  it('keeps a month as a month, to its last day (leap years included)', () => {
    expect(parsePartialDate('2024-02')).toEqual({ value: '2024-02', precision: 'MONTH', earliest: '2024-02-01', latest: '2024-02-29' });
    expect(parsePartialDate('2023-02')?.latest).toBe('2023-02-28');
  });
  it('keeps a day as that day', () => {
    expect(parsePartialDate(' 2023-10-23 ')).toEqual({ value: '2023-10-23', precision: 'DAY', earliest: '2023-10-23', latest: '2023-10-23' });
  });
  it('refuses what is not a date of that shape', () => {
    for (const bad of ['', '23', '2023-13', '2023-02-30', '2023-1', '2023-10-23T00:00', 'Okt 2023', '0999']) expect(parsePartialDate(bad)).toBeNull();
    expect(parsePartialDate(null)).toBeNull();
  });
  it('counts a date at its last day for "on or before" questions', () => {
    expect(latestDay('2023')).toBe('2023-12-31');
    expect(latestDay('2023-10-23')).toBe('2023-10-23');
    expect(latestDay(null)).toBeNull();
  });
});

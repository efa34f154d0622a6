import { describe, expect, it } from 'vitest';
import type { State } from '../../src/generated/graphql.js';
import { statesNamed } from '../../src/import/programmes.js';

const LANDS = new Map<string, State>([
  ['Sachsen', 'SACHSEN'], ['Sachsen-Anhalt', 'SACHSEN_ANHALT'], ['Niedersachsen', 'NIEDERSACHSEN'], ['Berlin', 'BERLIN'],
  ['Brandenburg', 'BRANDENBURG'], ['Bayern', 'BAYERN'], ['Nordrhein-Westfalen', 'NORDRHEIN_WESTFALEN'], ['Schleswig-Holstein', 'SCHLESWIG_HOLSTEIN'],
]);

describe('the Länder a funder names', () => {
  it('finds a Land in the funder\'s words', () => {
    expect(statesNamed('Freistaat Bayern: Staatsministerium für Digitales (StMD)', LANDS)).toEqual(['BAYERN']);
    expect(statesNamed('Land Nordrhein-Westfalen: Ministerium für Wirtschaft', LANDS)).toEqual(['NORDRHEIN_WESTFALEN']);
  });
  it('does not take a Land whose name is part of another\'s', () => {
    expect(statesNamed('Land Sachsen-Anhalt: Ministerium für Infrastruktur und Digitales', LANDS)).toEqual(['SACHSEN_ANHALT']);
    expect(statesNamed('Land Niedersachsen: Ministerium für Bundes- und Europaangelegenheiten', LANDS)).toEqual(['NIEDERSACHSEN']);
    expect(statesNamed('Freistaat Sachsen: Staatsministerium für Regionalentwicklung (SMR)', LANDS)).toEqual(['SACHSEN']);
  });
  it('finds both Länder of a joint body, in the order of their codes', () => {
    expect(statesNamed('Medienanstalt Berlin-Brandenburg (mabb)', LANDS)).toEqual(['BERLIN', 'BRANDENBURG']);
  });
  it('finds none in a federal funder\'s words', () => {
    expect(statesNamed('Bund: BMI, später BMWSB, mit BBSR', LANDS)).toEqual([]);
  });
});

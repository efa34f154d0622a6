// The app's dates as German readers write them, at the precision the source gave; a status said once; and a
// German label for every enum value the app shows (a new value without one fails here).
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fromProject } from '../../src/paths.js';
import { t } from '../../web/src/strings.js';

describe('German dates and status words', () => {
  it('writes an ISO date at its own precision, never more', () => {
    expect(t.format.isoDate('2025-04-03')).toBe('03.04.2025');
    expect(t.format.isoDate('2025-04-03T10:15:00Z')).toBe('03.04.2025');
    expect(t.format.isoDate('2024-05')).toBe('Mai 2024');
    expect(t.format.isoDate('2019')).toBe('2019');
    expect(t.format.isoDate('irgendwann')).toBe('irgendwann');
    expect(t.municipality.asOf('2024-05')).toBe('Stand Mai 2024');
  });

  it('says a status once: "Stand: umgesetzt", but "Stand unbekannt"', () => {
    expect(t.peers.statusLine('IMPLEMENTED')).toBe('Stand: umgesetzt');
    expect(t.peers.statusLine('UNKNOWN')).toBe('Stand unbekannt');
  });
});

describe('a German label for every value the app shows', () => {
  const schema = buildSchema(readFileSync(fromProject('schema.contract.graphql'), 'utf8'));
  const valuesOf = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
  const labelled: [string, Record<string, string>][] = [
    ['MunicipalityKind', t.kind],
    ['SizeClass', t.sizeClass],
    ['Urbanisation', t.urbanisation],
    ['State', t.state],
    ['MeasureStatus', t.status],
    ['ExchangeKind', t.exchangeKinds],
    ['SolutionUseStatus', t.useStatus],
    ['ParticipationRole', t.participationRole],
    ['ProgrammeLevel', t.programme.level],
    ['ChannelBasis', t.channelBasis],
    ['Role', t.signIn.role],
    ['ExplanationBasis', t.peers.basis],
    ['RunnerRole', t.municipality.role],
    ['ProjectStatus', t.project.statusKind],
    ['ProjectPhaseKind', t.project.phaseKind],
    ['FundingBound', t.project.fundingBound],
    ['EventKind', t.event.kindName],
    ['EventFormat', t.event.formatName],
  ];
  it.each(labelled)('%s', (name, labels) => {
    expect(valuesOf(name).filter((v) => !(v in labels))).toEqual([]);
  });

  it('says every feature of both models in words', () => {
    const e = { distanceKm: 12, structure: { populationRatio: 2 }, sharedTopics: [] };
    expect(valuesOf('PeerFeature').filter((f) => t.peers.feature(f, 1, e) === f)).toEqual([]);
    expect(valuesOf('LearningFeature').filter((f) => t.peers.learningFeature(f, 1, e) === f)).toEqual([]);
  });
});

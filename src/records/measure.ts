// The measure records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { MeasureStatus, MeasureTopicBasis } from '../generated/graphql.js';
import { toSources, type SourceRecord } from '../kernel/source.js';
import { toTopic, type TopicRecord } from './topic.js';

export interface MeasureRecord {
  __typename: 'Measure';
  slug: string;
  name: string;
  description: string | null;
  status: MeasureStatus;
  statusWording: string | null;
  statusAsOf: string | null;
  knownOnlyByName: boolean;
  sources: SourceRecord[];
}

export interface MeasureTopicRecord {
  topic: TopicRecord;
  basis: MeasureTopicBasis;
  sourceLabels: string[];
}

export const toMeasure = (p: Row): MeasureRecord => ({
  __typename: 'Measure',
  slug: p.id as string,
  name: p.name as string,
  description: (p.description as string | null) ?? null,
  status: ((p.status as MeasureStatus | null) ?? 'UNKNOWN'),
  statusWording: (p.statusWording as string | null) ?? null,
  statusAsOf: (p.statusAsOf as string | null) ?? null,
  knownOnlyByName: p.knownOnlyByName === true,
  sources: toSources(p),
});

export const toMeasureTopic = (x: Row): MeasureTopicRecord => ({
  topic: toTopic(x.topic as Row),
  basis: ((x.basis as MeasureTopicBasis | null) ?? 'API'),
  sourceLabels: (x.sourceLabels as string[] | null) ?? [],
});

// The topic records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';

export interface TopicRecord {
  __typename: 'Topic';
  slug: string;
  name: string;
  nameEn: string | null;
  description: string | null;
}

export const toTopic = (p: Row): TopicRecord => ({
  __typename: 'Topic',
  slug: p.slug as string,
  name: p.name as string,
  nameEn: (p.nameEn as string | null) ?? null,
  description: (p.description as string | null) ?? null,
});

/**
 * The topic-profile rule, written once: a municipality works on a topic when
 * it runs a project that addresses it or has declared an interest in it. A
 * `CALL` subquery yielding `m` and `t` (a municipality and a topic it works
 * on); with `bound`, `m` is already bound outside and only its topics `t` come out.
 */
export function worksOn({ bound = false }: { bound?: boolean } = {}): string {
  const m = bound ? 'm' : 'm:Municipality';
  const out = bound ? 't' : 'm, t';
  return `CALL (${bound ? 'm' : ''}) {
     MATCH (${m})-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic) RETURN ${out}
     UNION
     MATCH (${m})-[:INTERESTED_IN]->(t:Topic) RETURN ${out}
   }`;
}

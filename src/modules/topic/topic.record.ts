// The topic records the API hands around: plain values, no driver types.
import type { Row } from '../../db/database.js';

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

// Which answers may be kept (src/http-cache.ts): every root field that is not open to everyone, and
// the viewer, says `@cacheControl(maxAge: 0)`, so no cache keeps what depends on who asks.
import { buildSchema, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_ACCESS } from '../../src/auth/permissions.js';
import { viewerClass } from '../../src/http-cache.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const hint = (field: GraphQLField<unknown, unknown>) => {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'cacheControl');
  return Object.fromEntries((directive?.arguments ?? []).map((a) => [a.name.value, 'value' in a.value ? a.value.value : null]));
};

describe('cache-control hints', () => {
  const query = schema.getQueryType()!.getFields();

  it('every root field open only to some callers, and the viewer, is never kept', () => {
    const restricted = [...Object.keys(QUERY_ACCESS), 'viewer'].sort();
    expect(restricted.length).toBeGreaterThan(3);
    for (const name of restricted) expect({ name, ...hint(query[name]!) }).toEqual({ name, maxAge: '0', scope: 'PRIVATE' });
  });

  it('no other root field says anything: public data, kept for CACHE_MAX_AGE', () => {
    const others = Object.values(query).filter((f) => !(f.name in QUERY_ACCESS) && f.name !== 'viewer');
    expect(others.map((f) => f.name)).toContain('municipality');
    for (const field of others) expect({ name: field.name, ...hint(field) }).toEqual({ name: field.name });
  });

  it('people are never a class whose answers are shared', () => {
    expect(viewerClass({ kind: 'anonymous' })).toBe('anonymous');
    expect(viewerClass({ kind: 'key', keyId: 'k', name: 'app', role: 'READER', rateLimit: 1 })).toBe('key:READER');
    expect(viewerClass({ kind: 'person', subject: 's', role: 'member', ags: '07137' })).toBeNull();
  });
});

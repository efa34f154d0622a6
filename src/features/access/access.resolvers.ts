// Who is asking, and API key administration (admins; the permission table gates it).
import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql.js';
import { nameSchema, parse } from '../../kernel/validation.js';
import { isAdmin, type Viewer } from '../../auth/viewer.js';

const createSchema = z.object({
  name: nameSchema(),
  role: z.enum(['READER', 'ANALYST']).nullish(),
  rateLimit: z.number().int().min(1, 'must be at least 1').max(10_000_000, 'must be at most 10,000,000').nullish(),
});
const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be an API key id: 16 hexadecimal digits');

const PERSON_ROLE = { member: 'MEMBER', analyst: 'ANALYST', admin: 'ADMIN', none: 'NONE' } as const;

const subjectOf = (v: Viewer) => (v.kind === 'person' ? v.subject : v.kind);

export const accessResolvers: Resolvers = {
  Query: {
    viewer: (_, __, { viewer }) => viewer,
    apiKeys: (_, { includeRevoked }, { apiKeys }) => apiKeys.list(includeRevoked ?? false),
  },

  Viewer: {
    kind: (v) => (v.kind === 'anonymous' ? 'ANONYMOUS' : v.kind === 'key' ? 'API_KEY' : 'PERSON'),
    role: (v) => (v.kind === 'anonymous' ? null : v.kind === 'key' ? v.role : PERSON_ROLE[v.role]),
    municipality: (v, _, { loaders }) => (v.kind === 'person' && v.ags !== null ? loaders.municipality.load(v.ags) : null),
    apiKey: (v, _, { apiKeys }) => (v.kind === 'key' ? apiKeys.get(v.keyId) : null),
    rateLimit: (v, _, { rateLimits }) => rateLimits.budgetOf(v),
  },

  ApiKey: {
    createdBy: (k, _, { viewer }) => (isAdmin(viewer) ? k.createdBy : null),
  },

  Mutation: {
    createApiKey: async (_, { input }, { apiKeys, viewer, log }) => {
      const i = parse(createSchema, input, 'input');
      const created = await apiKeys.create({ name: i.name, role: i.role ?? 'READER', rateLimit: i.rateLimit ?? null, createdBy: subjectOf(viewer) });
      log.info({ apiKey: created.key.id, role: created.key.role }, 'API key created');
      return { apiKey: created.key, key: created.secret };
    },
    revokeApiKey: async (_, args, { apiKeys, log }) => {
      const revoked = await apiKeys.revoke(parse(keyIdSchema, args.id, 'id'));
      log.info({ apiKey: revoked.id }, 'API key revoked');
      return revoked;
    },
  },
};

import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import { stillThere } from '../../kernel/resolve.js';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import {
  actorSchema,
  agsSchema,
  dateTimeSchema,
  nameSchema,
  namedOnly,
  parse,
  phoneSchema,
  slugSchema,
  toActorRef,
  uuidSchema,
} from '../../kernel/validation.js';

const emailSchema = z.email('must be an e-mail address').max(254);
const consentSchema = dateTimeSchema.refine((iso) => Date.parse(iso) <= Date.now() + 60_000, 'must not be in the future');

const createSchema = z.object({
  name: nameSchema(),
  role: nameSchema().nullish(),
  email: emailSchema.nullish(),
  phone: phoneSchema.nullish(),
  visibility: z.enum(['PUBLIC', 'MEMBERS', 'PRIVATE']).nullish(),
  consentAt: consentSchema.nullish(),
  employer: actorSchema.nullish(),
  expertise: z.array(slugSchema).max(50).nullish(),
});
const updateSchema = z.object({
  name: nameSchema().optional(),
  role: nameSchema().nullish(),
  email: emailSchema.nullish(),
  phone: phoneSchema.nullish(),
  visibility: z.enum(['PUBLIC', 'MEMBERS', 'PRIVATE']).optional(),
  consentAt: consentSchema.nullish(),
  employer: actorSchema.nullish(),
});
const filterSchema = z.object({ ags: agsSchema.nullish(), organization: slugSchema.nullish(), expertIn: slugSchema.nullish() });

export const contactResolvers: Resolvers = {
  Query: {
    contact: (_, { uuid }, { loaders }) => loaders.contact.load(parse(uuidSchema, uuid, 'uuid')),
    contacts: async (_, args, { repos }) => {
      const f = parse(filterSchema, args.filter ?? {}, 'filter');
      const page = pageRequest('contacts', args);
      const filter = { ags: f.ags ?? null, organization: f.organization ?? null, expertIn: f.expertIn ?? null };
      return toConnection(page, await repos.contacts.list(filter, page), nodeEdge);
    },
  },

  Contact: {
    id: (c) => toGlobalId('Contact', c.uuid),
    employer: (c, _, { loaders }) => loaders.contactEmployer.load(c.uuid),
    projects: (c, _, { loaders }) => loaders.contactProjects.load(c.uuid),
    expertise: (c, _, { loaders }) => loaders.contactExpertise.load(c.uuid),
  },

  Mutation: {
    createContact: async (_, { input }, { repos, loaders }) => {
      const c = parse(createSchema, input, 'input');
      const uuid = await repos.contacts.create({
        name: c.name,
        role: c.role ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
        visibility: c.visibility ?? 'MEMBERS',
        consentAt: c.consentAt ?? null,
        employer: c.employer ? toActorRef(c.employer) : null,
        expertise: [...new Set(c.expertise ?? [])],
      });
      return stillThere(loaders.contact.load(uuid), 'Contact', uuid);
    },
    updateContact: async (_, args, { repos, loaders }) => {
      const uuid = parse(uuidSchema, args.uuid, 'uuid');
      const { employer, ...changes } = namedOnly(parse(updateSchema, args.input, 'input'));
      if (changes.visibility === null) throw badInput('`visibility` cannot be cleared.', { argument: 'input.visibility' });
      await repos.contacts.update(uuid, changes, employer === undefined ? undefined : employer && toActorRef(employer));
      return stillThere(loaders.contact.load(uuid), 'Contact', uuid);
    },
    deleteContact: async (_, args, { repos }) => {
      const uuid = parse(uuidSchema, args.uuid, 'uuid');
      await repos.contacts.delete(uuid);
      return { deletedId: toGlobalId('Contact', uuid) };
    },
    exportContact: async (_, args, { repos, log }) => {
      const uuid = parse(uuidSchema, args.uuid, 'uuid');
      const data = await repos.contacts.exportData(uuid);
      log.info({ contact: toGlobalId('Contact', uuid) }, 'contact data exported');
      return { ...data, exportedAt: new Date() };
    },
    eraseContact: async (_, args, { repos, log }) => {
      const uuid = parse(uuidSchema, args.uuid, 'uuid');
      const removedLinks = await repos.contacts.erase(uuid);
      // The audit line names no person: the id resolves to nothing any more.
      log.info({ contact: toGlobalId('Contact', uuid), removedLinks }, 'contact erased');
      return { erasedId: toGlobalId('Contact', uuid), removedLinks };
    },
    addExpertise: async (_, args, { repos, loaders }) => {
      const uuid = parse(uuidSchema, args.contact, 'contact');
      await repos.contacts.addExpertise(uuid, parse(slugSchema, args.topic, 'topic'));
      return stillThere(loaders.contact.load(uuid), 'Contact', uuid);
    },
    removeExpertise: async (_, args, { repos, loaders }) => {
      const uuid = parse(uuidSchema, args.contact, 'contact');
      const topic = parse(slugSchema, args.topic, 'topic');
      if (!(await repos.contacts.removeExpertise(uuid, topic))) throw notFound('Expertise', `${topic} of ${uuid}`);
      return stillThere(loaders.contact.load(uuid), 'Contact', uuid);
    },
  },
};

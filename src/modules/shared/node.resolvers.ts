import { badInput } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { fromGlobalId } from './global-id.js';

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, { loaders }) => {
      const ref = fromGlobalId(id);
      if (!ref) throw badInput('`id` is not a global id of this API. Use an `id` field returned by it.', { argument: 'id' });
      switch (ref.type) {
        case 'Municipality':
          return loaders.municipality.load(ref.key);
        case 'Project':
          return loaders.project.load(ref.key);
        case 'Topic':
          return loaders.topic.load(ref.key);
        case 'Contact':
          return loaders.contact.load(ref.key);
        case 'Organization':
          return loaders.organization.load(ref.key);
        case 'Event':
          return loaders.event.load(ref.key);
        case 'Measure':
          return loaders.measure.load(ref.key);
      }
    },
  },
};

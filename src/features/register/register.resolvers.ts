import type { Resolvers } from '../../generated/graphql.js';

export const registerResolvers: Resolvers = {
  Query: {
    register: (_, __, { repos }) => repos.register.info(),
  },
};

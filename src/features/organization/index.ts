// The organization area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { organizationLoaders } from './organization.loaders.js';
import { organizationRepository, type OrganizationRepository } from './organization.repository.js';
import { organizationResolvers } from './organization.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    organizations: OrganizationRepository;
  }
  interface Loaders extends ReturnType<typeof organizationLoaders> {}
}

export const organizationArea = defineArea({
  resolvers: organizationResolvers,
  repositories: ({ db, access }) => ({ organizations: organizationRepository(db, access) }),
  loaders: (repos) => organizationLoaders(repos.organizations),
  nodes: { Organization: (loaders, key) => loaders.organization.load(key) },
});

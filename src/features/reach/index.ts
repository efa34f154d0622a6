// The reach area's registration (see ../context.ts): reach, growth per event, the network analysis.
import { defineArea } from '../context.js';
import { reachRepository, type ReachRepository } from './reach.repository.js';
import { reachResolvers } from './reach.resolvers.js';
import { reachService, ReachSnapshots } from './reach.service.js';

declare module '../context.js' {
  interface Repositories {
    reach: ReachRepository;
  }
  interface Services {
    /** Network reach over the process's cached snapshot. */
    reach: ReturnType<typeof reachService>;
  }
  interface Caches {
    /** The reach graph's snapshot and the network analyses over it. */
    reach: ReachSnapshots;
  }
}

export const reachArea = defineArea({
  resolvers: reachResolvers,
  caches: () => ({ reach: new ReachSnapshots() }),
  repositories: ({ db }) => ({ reach: reachRepository(db) }),
  services: ({ repos, loaders, caches, log }) => ({
    reach: reachService(
      repos.reach,
      caches.reach,
      async (slug) => (await loaders.project.load(slug)) !== null,
      (error) => log.error({ err: error }, 'reach network analysis failed'),
    ),
  }),
});

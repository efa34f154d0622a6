// The programme area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { programmeLoaders } from './programme.loaders.js';
import { programmeRepository, type ProgrammeRepository } from './programme.repository.js';
import { programmeResolvers } from './programme.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    programmes: ProgrammeRepository;
  }
  interface Loaders extends ReturnType<typeof programmeLoaders> {}
}

export const programmeArea = defineArea({
  resolvers: programmeResolvers,
  repositories: ({ db }) => ({ programmes: programmeRepository(db) }),
  loaders: (repos) => programmeLoaders(repos.programmes),
  nodes: { Programme: (loaders, key) => loaders.programme.load(key) },
});

// The re-usable solution area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { solutionLoaders } from './solution.loaders.js';
import { solutionRepository, type SolutionRepository } from './solution.repository.js';
import { solutionResolvers } from './solution.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    solutions: SolutionRepository;
  }
  interface Loaders extends ReturnType<typeof solutionLoaders> {}
}

export const solutionArea = defineArea({
  resolvers: solutionResolvers,
  repositories: ({ db }) => ({ solutions: solutionRepository(db) }),
  loaders: (repos) => solutionLoaders(repos.solutions),
  nodes: { ReusableSolution: (loaders, key) => loaders.solution.load(key) },
});

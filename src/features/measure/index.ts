// The measure area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { measureLoaders } from './measure.loaders.js';
import { measureRepository, type MeasureRepository } from './measure.repository.js';
import { measureResolvers } from './measure.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    measures: MeasureRepository;
  }
  interface Loaders extends ReturnType<typeof measureLoaders> {}
}

export const measureArea = defineArea({
  resolvers: measureResolvers,
  repositories: ({ db }) => ({ measures: measureRepository(db) }),
  loaders: (repos) => measureLoaders(repos.measures),
  nodes: { Measure: (loaders, key) => loaders.measure.load(key) },
});

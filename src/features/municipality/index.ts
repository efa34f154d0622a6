// The municipality area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { municipalityLoaders } from './municipality.loaders.js';
import { municipalityRepository, type MunicipalityRepository } from './municipality.repository.js';
import { municipalityResolvers } from './municipality.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    municipalities: MunicipalityRepository;
  }
  interface Loaders extends ReturnType<typeof municipalityLoaders> {}
}

export const municipalityArea = defineArea({
  resolvers: municipalityResolvers,
  repositories: ({ db, access }) => ({ municipalities: municipalityRepository(db, access) }),
  loaders: (repos) => municipalityLoaders(repos.municipalities),
  nodes: { Municipality: (loaders, key) => loaders.municipality.load(key) },
});

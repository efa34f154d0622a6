// The contact point area's registration (see ../context.ts).
import DataLoader from 'dataloader';
import { defineArea } from '../context.js';
import { contactPointRepository, type ContactPointRepository } from './contact-point.repository.js';
import { contactPointResolvers } from './contact-point.resolvers.js';

const contactPointLoaders = (repo: ContactPointRepository) => ({
  projectContactPoints: new DataLoader(repo.ofProject),
  municipalityContactPoints: new DataLoader(repo.ofMunicipality),
});

declare module '../context.js' {
  interface Repositories {
    contactPoints: ContactPointRepository;
  }
  interface Loaders extends ReturnType<typeof contactPointLoaders> {}
}

export const contactPointArea = defineArea({
  resolvers: contactPointResolvers,
  repositories: ({ db }) => ({ contactPoints: contactPointRepository(db) }),
  loaders: (repos) => contactPointLoaders(repos.contactPoints),
});

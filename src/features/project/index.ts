// The project area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { projectLoaders } from './project.loaders.js';
import { projectRepository, type ProjectRepository } from './project.repository.js';
import { projectResolvers } from './project.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    projects: ProjectRepository;
  }
  interface Loaders extends ReturnType<typeof projectLoaders> {}
}

export const projectArea = defineArea({
  resolvers: projectResolvers,
  repositories: ({ db, access }) => ({ projects: projectRepository(db, access) }),
  loaders: (repos) => projectLoaders(repos.projects),
  nodes: { Project: (loaders, key) => loaders.project.load(key) },
});

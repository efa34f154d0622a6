import DataLoader from 'dataloader';
import type { ProjectRepository } from './project.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function projectLoaders(repo: ProjectRepository) {
  return {
    project: new DataLoader(repo.bySlug),
    projectRunners: new DataLoader(repo.runners),
    projectTopics: new DataLoader(repo.topics),
    projectContacts: new DataLoader(repo.contacts),
    projectFunders: new DataLoader(repo.funders),
    projectSupporters: new DataLoader(repo.supporters),
  };
}

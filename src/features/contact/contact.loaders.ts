import DataLoader from 'dataloader';
import type { ContactRepository } from './contact.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function contactLoaders(repo: ContactRepository) {
  return {
    contact: new DataLoader(repo.byUuid),
    contactEmployer: new DataLoader(repo.employer),
    contactProjects: new DataLoader(repo.projects),
    contactExpertise: new DataLoader(repo.expertise),
  };
}

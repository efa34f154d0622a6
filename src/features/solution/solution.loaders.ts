import DataLoader from 'dataloader';
import type { SolutionRepository } from './solution.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function solutionLoaders(repo: SolutionRepository) {
  return {
    solution: new DataLoader(repo.bySlug),
    municipalitySolutions: new DataLoader(repo.ofMunicipality),
    solutionUsers: new DataLoader(repo.users, { cacheKeyFn: (key: object) => JSON.stringify(key) }),
  };
}

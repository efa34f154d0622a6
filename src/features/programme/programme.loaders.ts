import DataLoader from 'dataloader';
import type { ProgrammeRepository } from './programme.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function programmeLoaders(repo: ProgrammeRepository) {
  const byArgs = { cacheKeyFn: (key: object) => JSON.stringify(key) };
  return {
    programme: new DataLoader(repo.bySlug),
    municipalityProgrammes: new DataLoader(repo.ofMunicipality),
    programmeParticipants: new DataLoader(repo.participants, byArgs),
    programmeGroupMembers: new DataLoader(repo.groupMembers, byArgs),
  };
}

import DataLoader from 'dataloader';
import type { MunicipalityRepository } from './municipality.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function municipalityLoaders(repo: MunicipalityRepository) {
  const byArgs = { cacheKeyFn: (key: object) => JSON.stringify(key) };
  return {
    municipality: new DataLoader(repo.byAgs),
    municipalityParent: new DataLoader(repo.parent),
    municipalityKreis: new DataLoader(repo.kreis),
    municipalityLand: new DataLoader(repo.land),
    municipalityVerband: new DataLoader(repo.verband),
    municipalityMembers: new DataLoader(repo.members),
    municipalityParts: new DataLoader(repo.parts, byArgs),
    municipalityProjects: new DataLoader(repo.projects, byArgs),
    /** The look-ahead's whole municipality pages (municipality.page.ts). */
    municipalityPage: new DataLoader(repo.pages, byArgs),
    municipalityTopics: new DataLoader(repo.topics),
    municipalityInterests: new DataLoader(repo.interests),
    municipalityContacts: new DataLoader(repo.contacts),
    municipalityEventsAttended: new DataLoader(repo.eventsAttended, byArgs),
    municipalityEventsHosted: new DataLoader(repo.eventsHosted, byArgs),
    municipalityExchangesAbroad: new DataLoader(repo.exchangesAbroad),
    municipalityExchanges: new DataLoader(repo.exchanges, byArgs),
  };
}

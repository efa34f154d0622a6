import DataLoader from 'dataloader';
import type { OrganizationRepository } from './organization.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function organizationLoaders(repo: OrganizationRepository) {
  const byArgs = { cacheKeyFn: (key: object) => JSON.stringify(key) };
  return {
    organization: new DataLoader(repo.bySlug),
    organizationContacts: new DataLoader(repo.contacts),
    organizationFundedProjects: new DataLoader(repo.fundedProjects),
    organizationSupportedProjects: new DataLoader(repo.supportedProjects),
    organizationEventsHosted: new DataLoader(repo.eventsHosted, byArgs),
    organizationEventsAttended: new DataLoader(repo.eventsAttended, byArgs),
    organizationExchanges: new DataLoader(repo.exchanges),
  };
}

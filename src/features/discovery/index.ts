// The discovery area's registration (see ../context.ts): peers, learning partners, similar projects, experts, search.
import DataLoader from 'dataloader';
import { PerVersion } from '../../db/data-version.js';
import { defineArea } from '../context.js';
import type { ProfileSets, Solutions } from './discovery.profiles.js';
import { discoveryRepository, type DiscoveryRepository, type VersionedNetwork } from './discovery.repository.js';
import { discoveryResolvers } from './discovery.resolvers.js';
import { discoveryService } from './discovery.service.js';

declare module '../context.js' {
  interface Repositories {
    discovery: DiscoveryRepository;
  }
  interface Loaders {
    /** The data version, read once per request (and again after a write, which clears the loaders). */
    dataVersion: DataLoader<'now', number | null>;
  }
  interface Services {
    /** Peers and similar projects: scoring over what the discovery statements return. */
    discovery: ReturnType<typeof discoveryService>;
  }
  interface Caches {
    /** Every municipality's topic profile (own, and with inherited topics), the topics' rarity and the register table, for peers and learning partners. */
    profiles: PerVersion<ProfileSets>;
    /** Every measure and project with its topics, status and runners, for learning partners. */
    solutions: PerVersion<Solutions>;
    /** The register, what every municipality does and the known links, for the learned peer ranking. */
    network: PerVersion<VersionedNetwork>;
  }
}

export const discoveryArea = defineArea({
  resolvers: discoveryResolvers,
  caches: () => ({ profiles: new PerVersion<ProfileSets>('peer profiles'), solutions: new PerVersion<Solutions>('solutions'), network: new PerVersion<VersionedNetwork>('peer network') }),
  repositories: ({ db, access, caches }) => ({ discovery: discoveryRepository(db, access, caches.profiles, caches.solutions, caches.network) }),
  loaders: (repos) => ({ dataVersion: new DataLoader(repos.discovery.dataVersions) }),
  services: ({ repos, loaders }) => ({ discovery: discoveryService(repos.discovery, loaders) }),
});

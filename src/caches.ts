// The per-process caches of derived data, one set per API process, injected
// into every request's context. Each holds values per data version
// (src/db/data-version.ts) and checks it the same way.
import { PerVersion } from './db/data-version.js';
import type { Profiles } from './modules/discovery/discovery.repository.js';
import { ReachSnapshots } from './modules/reach/reach.service.js';

export interface DerivedCaches {
  /** The reach graph's snapshot and the network analyses over it. */
  reach: ReachSnapshots;
  /** Every municipality's topic profile and the topics' rarity, for peers. */
  profiles: PerVersion<Profiles>;
}

export const createCaches = (): DerivedCaches => ({ reach: new ReachSnapshots(), profiles: new PerVersion<Profiles>() });

// The per-process caches of derived data, one set per API process, injected
// into every request's context. Each area declares its own (features/*/index.ts);
// each holds values per data version (src/db/data-version.ts) and checks it the same way.
export type { Caches as DerivedCaches } from './features/context.js';
export { createCaches } from './areas.js';

// Everything that decides who is asking and how much they may ask, built
// once per process from the configuration.
import { ApiKeys } from './auth/api-keys.js';
import { createAuthenticator, type Authenticate } from './auth/authenticate.js';
import type { AuthConfig, LimitsConfig } from './config.js';
import type { Database } from './db/database.js';
import { RateLimits } from './limits/rate-limit.js';

export interface Security {
  authenticate: Authenticate;
  apiKeys: ApiKeys;
  rateLimits: RateLimits;
  limits: LimitsConfig;
}

export function createSecurity(db: Database, config: { auth: AuthConfig; limits: LimitsConfig }): Security {
  const apiKeys = new ApiKeys(db, config.auth.apiKeyCacheMs, config.auth.apiKeyDefaultRateLimit);
  return {
    authenticate: createAuthenticator(config.auth, apiKeys),
    apiKeys,
    rateLimits: new RateLimits(config.limits.rateLimit),
    limits: config.limits,
  };
}

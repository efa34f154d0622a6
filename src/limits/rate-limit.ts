// Cost-weighted rate limits: each caller has a budget of cost points per
// window (rate-limiter-flexible, in memory: per API instance). API keys carry
// their own budget; signed-in people share one size of budget each; anonymous
// callers one per IP address. An operation spends its cost (src/limits/cost.ts),
// anything refused before that (a syntax error, bad credentials) spends 1.
import { HeaderMap } from '@apollo/server';
import ipaddr from 'ipaddr.js';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitsConfig } from '../config.js';
import { ApiError } from '../errors.js';
import type { Viewer } from '../auth/viewer.js';

export interface Budget {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * The address a budget belongs to: an IPv4 address as it is, an IPv6 address
 * by its /64 network (one subscriber usually holds a whole /64 and can rotate
 * through it at will).
 */
export function clientOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip); // IPv4-mapped IPv6 becomes IPv4
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}

export class RateLimits {
  /** One limiter per budget size (a limiter has one size); keyed by the caller. */
  private readonly limiters = new Map<number, RateLimiterMemory>();
  /** Refused credentials per client address: guessing keys or tokens runs out fast. */
  private readonly failures: RateLimiterMemory;

  constructor(private readonly config: LimitsConfig['rateLimit']) {
    this.failures = new RateLimiterMemory({ points: config.authFailures, duration: config.windowSeconds });
  }

  /** The budget of `viewer` per window; null when rate limiting is off. */
  budgetOf(viewer: Viewer): number | null {
    return this.config.enabled ? this.bucket(viewer, '').points : null;
  }

  /** RATE_LIMITED when the caller's budget is already spent: checked before any work. */
  async check(viewer: Viewer, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const { key, points } = this.bucket(viewer, ip);
    const state = await this.limiter(points).get(key);
    if (state !== null && state.remainingPoints <= 0) throw rateLimited(state.msBeforeNext, points);
  }

  /** Spends `cost` points; RATE_LIMITED (and nothing runs) when the budget does not cover it. */
  async charge(viewer: Viewer, ip: string, cost: number): Promise<Budget | null> {
    if (!this.config.enabled) return null;
    const { key, points } = this.bucket(viewer, ip);
    try {
      const state = await this.limiter(points).consume(key, cost);
      return { limit: points, remaining: state.remainingPoints, resetSeconds: Math.ceil(state.msBeforeNext / 1000) };
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext, points, cost);
      throw error;
    }
  }

  /** RATE_LIMITED when this address has had too many credentials refused in this window: checked before any lookup. */
  async checkFailures(ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const state = await this.failures.get(clientOf(ip));
    if (state !== null && state.remainingPoints <= 0) throw rateLimited(state.msBeforeNext, this.config.authFailures);
  }

  /** Counts one refused credential of this address. */
  async recordFailure(ip: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.failures.consume(clientOf(ip), 1).catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    });
  }

  private bucket(viewer: Viewer, ip: string): { key: string; points: number } {
    switch (viewer.kind) {
      case 'key':
        return { key: `key:${viewer.keyId}`, points: viewer.rateLimit };
      case 'person':
        return { key: `person:${viewer.subject}`, points: this.config.signedIn };
      case 'anonymous':
        return { key: `ip:${clientOf(ip)}`, points: this.config.anonymous };
    }
  }

  private limiter(points: number): RateLimiterMemory {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points, duration: this.config.windowSeconds });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}

/** HTTP 429 with Retry-After (whole seconds, at least 1). */
export function rateLimited(msBeforeNext: number, limit: number, cost?: number): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const what = cost !== undefined && cost > limit ? `This operation costs ${cost} points, more than the whole budget of ${limit}.` : `The budget of ${limit} cost points is spent.`;
  return new ApiError('RATE_LIMITED', `Rate limit exceeded. ${what} Retry after ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}

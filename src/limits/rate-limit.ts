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
  /** Refused credentials per client address and per API key id: what fails is throttled, not who. */
  private readonly failures: RateLimiterMemory;

  constructor(private readonly config: LimitsConfig['rateLimit']) {
    // Counted with penalty(), which never refuses: the count decides the delay (refusedCredential).
    this.failures = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: config.windowSeconds });
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

  /**
   * Gives back `points` of what `charge` took (the estimate, where the answer cost less): the budget after it.
   * Never more than was taken in the window, so it cannot raise a budget above its size.
   */
  async refund(viewer: Viewer, ip: string, points: number): Promise<Budget | null> {
    if (!this.config.enabled) return null;
    const { key, points: size } = this.bucket(viewer, ip);
    const limiter = this.limiter(size);
    const state = await limiter.get(key);
    const back = Math.min(points, state?.consumedPoints ?? 0);
    const after = back > 0 ? await limiter.reward(key, back) : state;
    if (!after) return { limit: size, remaining: size, resetSeconds: 0 };
    return { limit: size, remaining: Math.max(0, after.remainingPoints), resetSeconds: Math.ceil(after.msBeforeNext / 1000) };
  }

  /**
   * Counts one refused credential, for its address and (an API key's id, when it has the form of one) for
   * the credential, and says how to answer it. Up to `authFailures` per window: refused at once. Beyond
   * that, each further refusal waits longer (100 ms, 200 ms, 400 ms … up to 5 s) and answers
   * RATE_LIMITED, so guessing slows down exponentially. Valid credentials are never counted or refused
   * here: a colleague behind the same NAT or proxy is not locked out by someone else's guesses.
   */
  async refusedCredential(ip: string, credentialId: string | null): Promise<{ delayMs: number; refusal: ApiError } | null> {
    if (!this.config.enabled) return null;
    const counted = await Promise.all(
      [`ip:${clientOf(ip)}`, ...(credentialId !== null ? [`id:${credentialId}`] : [])].map((key) =>
        this.failures.penalty(key, 1).catch((error: unknown) => {
          if (error instanceof RateLimiterRes) return error;
          throw error;
        }),
      ),
    );
    const worst = counted.reduce((a, b) => (b.consumedPoints > a.consumedPoints ? b : a));
    const excess = worst.consumedPoints - this.config.authFailures;
    if (excess <= 0) return null;
    const delayMs = Math.min(100 * 2 ** Math.min(excess - 1, 10), 5_000);
    const retryAfterSeconds = Math.max(1, Math.ceil(worst.msBeforeNext / 1000));
    return {
      delayMs,
      refusal: new ApiError(
        'RATE_LIMITED',
        `Too many refused credentials (${worst.consumedPoints} in this window, from this address or for this key): this one was refused too, after a delay that doubles with each further one. Valid credentials are still accepted. The count resets in ${retryAfterSeconds} s.`,
        { retryAfterSeconds, refusedCredentials: worst.consumedPoints },
      ),
    };
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

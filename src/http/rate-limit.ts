// Per-client token buckets for the public endpoints that anybody may call without signing in: the
// NCA's repository and OCSP responder (/pki/*) and the creation of sign-in challenges.
//
// Hand-written rather than @fastify/rate-limit: that plugin counts requests in fixed windows
// (a client may send twice its limit across a window's edge, and the whole allowance comes back
// at once), while a token bucket refills continuously at the configured rate and lets through
// bursts up to its capacity. Here a request costs one synchronous Map lookup and a little
// arithmetic in an onRequest hook of the limited routes only; the OCSP hot path stays within
// its budget (see docs/pki.md for the figures).
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../app/errors.ts';

export interface BucketSpec {
  /** Tokens added per second (the sustained rate). */
  perSecond: number;
  /** Capacity: the largest burst a client may send at once. */
  burst: number;
}

export interface RateLimitOptions {
  /** Each of /pki/ocsp, /pki/crl (and its delta), and the certificate downloads; null: unlimited. */
  pki: BucketSpec | null;
  /** POST /api/auth/challenge; null: unlimited. */
  challenge: BucketSpec | null;
  /** Clients remembered per bucket set before full buckets are forgotten (memory bound). */
  maxClients?: number;
  /** Milliseconds of a monotonic clock (tests pass their own). */
  now?: () => number;
}

/** Generous: an office behind one address, or a relying party checking many signatures, is not limited. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  pki: { perSecond: 500, burst: 1000 },
  challenge: { perSecond: 2, burst: 120 },
};

const PROBLEM = 'application/problem+json';

function parseNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return n;
}

function specFromEnv(env: Record<string, string | undefined>, prefix: string, fallback: BucketSpec | null): BucketSpec | null {
  const perSecond = parseNumber(env, `${prefix}_PER_SECOND`, fallback?.perSecond ?? 0);
  if (perSecond === 0) return null; // 0 turns the limit off
  const burst = parseNumber(env, `${prefix}_BURST`, Math.max(fallback?.burst ?? 0, Math.ceil(perSecond)));
  if (burst < 1) throw new Error(`${prefix}_BURST must be at least 1`);
  return { perSecond, burst };
}

/**
 * QYZMET_RATE_PKI_PER_SECOND / _BURST and QYZMET_RATE_CHALLENGE_PER_SECOND / _BURST;
 * a rate of 0 turns that limit off, QYZMET_RATE_LIMITS=off turns both off.
 */
export function rateLimitsFromEnv(env: Record<string, string | undefined> = process.env): RateLimitOptions {
  if ((env.QYZMET_RATE_LIMITS ?? '').trim().toLowerCase() === 'off') return { pki: null, challenge: null };
  return {
    pki: specFromEnv(env, 'QYZMET_RATE_PKI', DEFAULT_RATE_LIMITS.pki),
    challenge: specFromEnv(env, 'QYZMET_RATE_CHALLENGE', DEFAULT_RATE_LIMITS.challenge),
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** One token bucket per key, refilled lazily when the key is seen. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number = () => performance.now(),
    private readonly maxClients = 100_000,
  ) {
    this.perMs = spec.perSecond / 1000;
  }

  /** Takes a token: 0 when granted, otherwise the milliseconds until one is available. */
  take(key: string): number {
    const t = this.now();
    let b = this.buckets.get(key);
    if (b === undefined) {
      if (this.buckets.size >= this.maxClients) this.sweep(t);
      b = { tokens: this.spec.burst, at: t };
      this.buckets.set(key, b);
    } else if (t > b.at) {
      b.tokens = Math.min(this.spec.burst, b.tokens + (t - b.at) * this.perMs);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.perMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Forgets the clients whose bucket has refilled (they lose nothing), then the oldest if still full. */
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.spec.burst) this.buckets.delete(k);
    if (this.buckets.size < this.maxClients) return;
    let drop = Math.ceil(this.maxClients / 4);
    for (const k of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(k);
    }
  }
}

/**
 * An onRequest hook limiting `what` per client address (`req.ip`: the X-Forwarded-For address only
 * from the proxies QYZMET_TRUST_PROXY names). Over the limit: 429 problem+json
 * with Retry-After (whole seconds until a token is back).
 */
export function rateLimitHook(what: string, spec: BucketSpec, opts: Pick<RateLimitOptions, 'now' | 'maxClients'> = {}): onRequestHookHandler {
  const buckets = new TokenBuckets(spec, opts.now, opts.maxClients);
  const rate = spec.perSecond >= 1 ? `${spec.perSecond} per second` : `${+(spec.perSecond * 60).toFixed(3)} per minute`;
  return function limit(req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) {
    const wait = buckets.take(req.ip);
    if (wait === 0) return done();
    const retryAfter = Math.max(1, Math.ceil(wait / 1000));
    const problem = new AppError(429, 'rate_limited', `too many requests for ${what} from this address: at most ${rate}, in bursts of ${spec.burst}; retry after ${retryAfter} s`, undefined, { retryAfter }).toProblem();
    reply.code(429).header('retry-after', String(retryAfter)).header('cache-control', 'no-store').type(PROBLEM).send(problem);
  };
}

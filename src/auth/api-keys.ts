// API keys for third-party apps. A key is `scg_<id>_<secret>`: the id finds
// the (:ApiKey) node, the secret is checked against its SHA-256 hash. Only the
// hash is stored; the key itself is shown once, when an admin creates it.
//
// SHA-256 rather than bcrypt/argon2: the secret is 256 random bits, so there
// is nothing to brute-force, and a deliberately slow hash on every request
// would hand attackers a cheap way to burn our CPU.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { cypher } from '../db/cypher.js';
import { capLimit } from '../kernel/list-caps.js';
import type { Database, Row } from '../db/database.js';
import { notFound } from '../errors.js';
import { unauthenticated, type KeyRole, type Viewer } from './viewer.js';

export interface ApiKeyRecord {
  __typename: 'ApiKey';
  id: string;
  name: string;
  role: KeyRole;
  /** Cost points per rate-limit window. */
  rateLimit: number;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

interface Stored extends ApiKeyRecord {
  hash: string;
}

const KEY_FORMAT = /^scg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const CREATE = cypher(
  'apiKey.create',
  `CREATE (k:ApiKey {id: $id, name: $name, role: $role, rateLimit: $rateLimit, hash: $hash, createdBy: $createdBy, createdAt: datetime()})
   RETURN k {.*} AS key`,
);
const REVOKE = cypher(
  'apiKey.revoke',
  'MATCH (k:ApiKey {id: $id}) SET k.revokedAt = coalesce(k.revokedAt, datetime()) RETURN k {.*} AS key',
);
const BY_ID = cypher('apiKey.byId', 'MATCH (k:ApiKey {id: $id}) RETURN k {.*} AS key');
const LIST = cypher(
  'apiKey.list',
  `MATCH (k:ApiKey) WHERE $includeRevoked OR k.revokedAt IS NULL RETURN k {.*} AS key ORDER BY k.createdAt, k.id ${capLimit('Query.apiKeys')}`,
);

const sha256 = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

const toRecord = (k: Row): Stored => ({
  __typename: 'ApiKey',
  id: k.id as string,
  name: k.name as string,
  role: k.role as KeyRole,
  rateLimit: k.rateLimit as number,
  createdAt: k.createdAt as string,
  createdBy: k.createdBy as string,
  revokedAt: (k.revokedAt as string | null) ?? null,
  hash: k.hash as string,
});

const publicPart = ({ hash: _hash, ...record }: Stored): ApiKeyRecord => record;

export class ApiKeys {
  /** Recently looked-up keys by id (null: no such key), so a busy app costs one lookup per `cacheMs`. */
  private readonly cache: LRUCache<string, Stored | 'missing'> | null;
  /** Bumped by every revocation here, so a lookup that began before one does not cache what it read. */
  private revocations = 0;

  constructor(
    private readonly db: Database,
    cacheMs: number,
    private readonly defaultRateLimit: number,
  ) {
    this.cache = cacheMs > 0 ? new LRUCache({ max: 10_000, ttl: cacheMs }) : null;
  }

  /** A new key; `secret` is the whole key, returned this once and never stored. */
  async create(input: { name: string; role: KeyRole; rateLimit: number | null; createdBy: string }): Promise<{ key: ApiKeyRecord; secret: string }> {
    const id = randomBytes(8).toString('hex');
    const secret = `scg_${id}_${randomBytes(32).toString('base64url')}`;
    const rateLimit = input.rateLimit ?? this.defaultRateLimit;
    const [row] = await this.db.write('apiKey.create', (tx) => tx.run<{ key: Row }>(CREATE, { ...input, rateLimit, id, hash: sha256(secret) }));
    return { key: publicPart(toRecord(row!.key)), secret };
  }

  /** Revokes a key (again: no change). It stops working here at once, on other instances within `cacheMs`. */
  async revoke(id: string): Promise<ApiKeyRecord> {
    this.revocations++;
    const [row] = await this.db.write('apiKey.revoke', (tx) => tx.run<{ key: Row }>(REVOKE, { id }));
    this.revocations++;
    this.cache?.delete(id);
    if (!row) throw notFound('ApiKey', id);
    return publicPart(toRecord(row.key));
  }

  async list(includeRevoked: boolean): Promise<ApiKeyRecord[]> {
    const rows = await this.db.read('apiKey.list', (tx) => tx.run<{ key: Row }>(LIST, { includeRevoked }));
    return rows.map((r) => publicPart(toRecord(r.key)));
  }

  async get(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.read('apiKey.byId', (tx) => tx.run<{ key: Row }>(BY_ID, { id }));
    return row ? publicPart(toRecord(row.key)) : null;
  }

  /** The viewer a key stands for; UNAUTHENTICATED for a malformed, unknown or revoked key. */
  async authenticate(key: string): Promise<Viewer> {
    const match = KEY_FORMAT.exec(key);
    if (!match) throw unauthenticated('The API key is not valid.');
    const stored = await this.lookup(match[1]!);
    if (stored === 'missing' || !timingSafeEqual(Buffer.from(stored.hash, 'hex'), Buffer.from(sha256(key), 'hex'))) {
      throw unauthenticated('The API key is not valid.');
    }
    if (stored.revokedAt !== null) throw unauthenticated('The API key has been revoked.');
    return { kind: 'key', keyId: stored.id, name: stored.name, role: stored.role, rateLimit: stored.rateLimit };
  }

  private async lookup(id: string): Promise<Stored | 'missing'> {
    const cached = this.cache?.get(id);
    if (cached !== undefined) return cached;
    const revocationsBefore = this.revocations;
    const [row] = await this.db.read('apiKey.byId', (tx) => tx.run<{ key: Row }>(BY_ID, { id }));
    const stored = row ? toRecord(row.key) : 'missing';
    if (this.revocations === revocationsBefore) this.cache?.set(id, stored);
    return stored;
  }
}

// Environment → one validated, frozen Config. Every wrong value is reported
// at start-up with the variable's name, all at once, before anything starts.
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name').default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(15_000),
  LOCAL_NEO4J_PORT: port.default(7687),
  LOCAL_NEO4J_DIR: z.string().min(1).default('.neo4j'),
  LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 2g').default('1g'),
  IMPORT_ON_EMPTY: z.enum(['auto', 'never']).default('auto'),
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: positiveInt.default(100_000),
});

export interface Config {
  readonly http: { readonly port: number; readonly host: string; readonly maxBodyBytes: number };
  readonly neo4j: {
    /** undefined: start and use the project's local Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
    readonly queryTimeoutMs: number;
  };
  readonly localNeo4j: { readonly port: number; readonly dir: string; readonly heap: string };
  /** Import the bundled real data (DATA_DIR) when the database holds no municipality yet. */
  readonly importOnEmpty: boolean;
  readonly dataDir: string;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' and CI systems' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    http: Object.freeze({ port: e.PORT, host: e.HOST, maxBodyBytes: e.MAX_BODY_BYTES }),
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    }),
    localNeo4j: Object.freeze({ port: e.LOCAL_NEO4J_PORT, dir: e.LOCAL_NEO4J_DIR, heap: e.LOCAL_NEO4J_HEAP }),
    importOnEmpty: e.IMPORT_ON_EMPTY === 'auto',
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
  });
}

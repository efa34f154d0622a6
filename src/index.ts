// Entry: config → Neo4j (the given one, or the project's local server) →
// migrations → the real data import on an empty database → HTTP → graceful shutdown.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { createDriver, Database } from './db/database.js';
import { LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j } from './db/local-neo4j.js';
import { LocalProviderError } from './auth/local-provider.js';
import { migrate } from './db/migrations.js';
import { isEmpty, runImport, type Progress } from './import/import.js';
import { locateRegister } from './import/register-source.js';
import { createLogger } from './logger.js';
import { fromProject } from './paths.js';
import { reachRepository } from './features/reach/reach.repository.js';
import { createCaches, type DerivedCaches } from './caches.js';
import { metricsHandler } from './metrics.js';
import { createSecurity } from './security.js';
import { createApp, type App } from './server.js';
import { startSignIn, type SignIn } from './sign-in.js';

/** A start-up failure with a message for a person: printed alone, without a stack trace. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  let uri = config.neo4j.uri;
  let ownsNeo4j = false;
  if (uri === undefined) {
    const local = await startLocalNeo4j({ ...config.localNeo4j, log: (line) => log.info(line) });
    uri = local.uri;
    ownsNeo4j = local.started;
  }

  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password);
  // A start that fails from here on leaves nothing behind: no open driver, no local Neo4j it started.
  const abandon = async () => {
    await driver.close();
    if (ownsNeo4j) await stopLocalNeo4j({ dir: config.localNeo4j.dir, log: (line) => log.info(line) });
  };
  try {
    await driver.getServerInfo({ database: config.neo4j.database });
  } catch (error) {
    await abandon();
    throw new StartupError(
      `Cannot reach Neo4j at ${uri} (database "${config.neo4j.database}"): ${(error as Error).message}\n` +
        'Check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, or unset NEO4J_URI to use the local Neo4j.',
    );
  }
  const db = new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });

  let server: Server;
  let metricsServer: Server | undefined;
  let caches: DerivedCaches;
  let app: App;
  let signIn: SignIn | undefined;
  try {
    const applied = await migrate(db);
    log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');
    if (config.importOnEmpty && (await isEmpty(db))) {
      log.info(`Empty database: importing the bundled real data from ${config.dataDir}/ …`);
      const register = await locateRegister({ ...config.register, log: (line) => log.info(line) });
      log.info({ register: register.path, origin: register.origin }, 'register found');
      const report = await runImport(db, { dataDir: fromProject(config.dataDir), register, progress: phaseLog(log) });
      if (!report.ok) throw new StartupError(`The data import failed; nothing was written.\n${report.summary()}`);
      log.info({ written: report.written, seconds: report.seconds }, 'real data imported');
      console.log(`\n${report.summary()}\n`);
    }
    caches = createCaches();
    const security = createSecurity(db, config);
    const tokens = config.auth.jwtSecret !== undefined ? 'HS256 (JWT_SECRET)' : config.auth.jwksUrl !== undefined ? `JWKS ${config.auth.jwksUrl}` : 'off';
    log.info({ bearerTokens: tokens, rateLimit: config.limits.rateLimit.enabled, maxCost: config.limits.maxCost }, 'security');
    if (tokens === 'off') log.info('Neither JWT_SECRET nor JWT_JWKS_URL is set: apps use API keys, people sign in through the identity provider (docs/security.md).');
    signIn = await startSignIn(config.signIn, { log, corsOrigins: config.http.corsOrigins });
    if (signIn.issuer !== undefined) log.info({ issuer: signIn.issuer, local: config.signIn.issuer === undefined, secureCookie: config.signIn.secureCookie }, 'sign-in');
    app = await createApp({
      db,
      log,
      maxBodyBytes: config.http.maxBodyBytes,
      caches,
      security,
      trustProxy: config.trustProxy,
      explorer: config.http.explorer,
      corsOrigins: config.http.corsOrigins,
      answerCache: config.http.answerCache,
      ...(signIn.sessions ? { sessions: signIn.sessions } : {}),
    });
    server = await listen(app.app, config.http.port, config.http.host);
    if (config.http.metricsPort !== undefined) {
      metricsServer = await listen(metricsHandler, config.http.metricsPort, config.http.host, 'METRICS_PORT');
      log.info({ url: `http://${config.http.host}:${config.http.metricsPort}/metrics` }, 'metrics');
    }
  } catch (error) {
    await signIn?.close();
    await abandon();
    throw error;
  }
  // Read the reach snapshot now rather than on the first reach request (a few seconds on the full register).
  caches.reach.get(reachRepository(db)).catch((error: unknown) => log.warn({ err: error }, 'reach snapshot not loaded at start-up'));
  const url = `http://${config.http.host}:${config.http.port}/graphql`;
  log.info({ url }, 'ready');
  const web = `http://${config.http.host}:${config.http.port}/`;
  console.log(
    config.http.explorer
      ? `\n  smart-city-graph is ready: open ${web} for the web app, ${url} for the Apollo Sandbox explorer.\n`
      : `\n  smart-city-graph is ready: the web app at ${web}, the API at ${url} (Sandbox explorer off).\n`,
  );

  if (config.signIn.issuer === undefined && signIn?.issuer !== undefined) {
    console.log(`  Anmelden: lokale Demo-Anmeldung (${signIn.issuer}) mit kts-redaktion, mayen-koblenz oder neue-person, Passwort = Benutzername.\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Stop accepting (and say so on /ready, for keep-alive connections of load balancers), let the
    // requests in flight finish, then close the database. Idle keep-alive connections close at once.
    app.stopping();
    const drained = new Promise<void>((done) => server.close(() => done()));
    // A keep-alive connection whose request ends during the drain would otherwise stay open until its client lets go.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const grace = setTimeout(() => {
      log.warn({ graceMs: config.http.shutdownGraceMs }, 'requests still running after SHUTDOWN_GRACE_MS: closing their connections');
      server.closeAllConnections();
    }, config.http.shutdownGraceMs);
    await drained;
    metricsServer?.close();
    clearInterval(idle);
    clearTimeout(grace);
    log.info('requests drained');
    await app.apollo.stop();
    await signIn?.close();
    // A network analysis still running in its worker is dropped: the next start computes it again.
    await caches.reach.close();
    await driver.close();
    log.info('Neo4j driver closed');
    if (ownsNeo4j) await stopLocalNeo4j({ dir: config.localNeo4j.dir, log: (line) => log.info(line) });
    process.exit(0);
  };
  process.on('SIGINT', (s) => void shutdown(s));
  process.on('SIGTERM', (s) => void shutdown(s));
}

/** Import progress as one log line per phase. */
function phaseLog(log: Logger): Progress {
  return { phase: (name, total) => log.info({ phase: name, total }, 'import'), advance: () => {}, end: () => {} };
}

/** Listens, and fails with a clear message when the port is taken. */
function listen(app: RequestListener, port: number, host: string, setting = 'PORT'): Promise<Server> {
  const server = createServer(app);
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new StartupError(`Port ${port} is already in use (is the API already running?). Set ${setting} to another port.`) : error),
    );
    server.listen(port, host, () => done(server));
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError || error instanceof LocalProviderError || error instanceof StartupError) {
    console.error(`smart-city-graph could not start. ${error.message}`);
  } else {
    console.error('smart-city-graph could not start:', error);
  }
  process.exit(1);
});

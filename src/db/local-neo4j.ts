// The project's own local Neo4j: Neo4j Community 5.26 from Maven Central,
// started as a separate JVM process with the settings in neo4j/neo4j.conf.
// Used when NEO4J_URI is not set (npm start) and by the test suite.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../paths.js';

const RECIPE_DIR = join(PROJECT_ROOT, 'neo4j');
const CLASSPATH_FILE = join(RECIPE_DIR, 'target', 'classpath.txt');
const NEO4J_VERSION = /<neo4j\.version>([^<]+)</.exec(readFileSync(join(RECIPE_DIR, 'pom.xml'), 'utf8'))?.[1] ?? 'unknown';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Instance folder (conf, data, logs, pid file); created when missing. */
  dir: string;
  /** JVM heap, e.g. "1g". */
  heap?: string;
  /** More JVM flags (the test suite's throwaway servers trade peak speed for less compilation). */
  jvmFlags?: readonly string[];
  /** Seconds to wait for Bolt to answer. */
  startTimeoutSeconds?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4jHandle {
  uri: string;
  /** True when this call started the server, false when it was already running. */
  started: boolean;
  version: string;
}

export class LocalNeo4jError extends Error {}

function instancePaths(opts: LocalNeo4jOptions) {
  const home = resolve(PROJECT_ROOT, opts.dir);
  return {
    home,
    conf: join(home, 'conf'),
    logs: join(home, 'logs'),
    pidFile: join(home, 'neo4j.pid'),
    lockFile: join(home, 'start.lock'),
    console: join(home, 'logs', 'console.log'),
  };
}

/** Resolves the Neo4j jars through Maven once; later starts reuse the classpath file. */
function ensureClasspath(log: (line: string) => void): string {
  const pom = join(RECIPE_DIR, 'pom.xml');
  if (!existsSync(CLASSPATH_FILE) || statSync(CLASSPATH_FILE).mtimeMs < statSync(pom).mtimeMs) {
    log(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (first start only)…`);
    const mvn = spawnSync('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', pom, 'generate-resources'], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (mvn.error) throw new LocalNeo4jError(`Could not run Maven (mvn) to fetch Neo4j: ${mvn.error.message}`);
    if (mvn.status !== 0) throw new LocalNeo4jError(`Maven could not resolve Neo4j ${NEO4J_VERSION} (exit ${mvn.status}); see the output above.`);
  }
  return readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is a Neo4j server of this instance folder, not a process that reused the number. */
function isOurServer(pid: number, home: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('org.neo4j.server.CommunityEntryPoint') && cmdline.includes(`--home-dir=${home}`);
  } catch {
    // No /proc (not Linux): fall back to "some process has this pid".
    return isAlive(pid) && !existsSync('/proc/self');
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** True when a Neo4j server answers Bolt on the port (not just any listener that accepts and stays silent). */
async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      driver.verifyConnectivity().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((done) => (timer = setTimeout(() => done(false), 3000))),
    ]);
  } finally {
    clearTimeout(timer);
    await driver.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the local Neo4j unless one already answers on the port, and waits
 * until Bolt accepts sessions. Safe to call from several processes at once:
 * a lock file lets one of them start the server, the others wait for it and
 * reuse it, so there is never a second server on the same data.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4jHandle> {
  const log = opts.log ?? (() => {});
  const uri = `bolt://127.0.0.1:${opts.port}`;
  const paths = instancePaths(opts);
  mkdirSync(paths.logs, { recursive: true });
  const timeoutMs = (opts.startTimeoutSeconds ?? 120) * 1000;
  let deadline = Date.now() + timeoutMs;

  for (;;) {
    if (await boltAnswers(uri)) return { uri, started: false, version: NEO4J_VERSION };
    const startingElsewhere = () => {
      const server = readPid(paths.pidFile);
      const starter = readPid(paths.lockFile);
      return (server !== undefined && isOurServer(server, paths.home)) || (starter !== undefined && isAlive(starter));
    };
    if (startingElsewhere()) {
      // Another command is starting it: wait for that one rather than start a second server.
      log(`Local Neo4j is starting in another process; waiting for Bolt on ${uri}…`);
      await waitForBolt(uri, startingElsewhere, deadline, paths.console);
      continue;
    }
    breakStaleLock(paths.lockFile);
    if (!takeLock(paths.lockFile)) continue; // lost the race: go round and wait for the winner
    try {
      if (await boltAnswers(uri)) return { uri, started: false, version: NEO4J_VERSION };
      // The first start downloads Neo4j through Maven; that does not count against the start timeout.
      const classpath = ensureClasspath(log);
      deadline = Date.now() + timeoutMs;
      return await spawnServer(opts, classpath, uri, paths, deadline, log);
    } finally {
      rmSync(paths.lockFile, { force: true });
    }
  }
}

/**
 * Removes a lock left by a start that died. Renaming is atomic: of several
 * processes that found the same dead lock, one moves it away; the others find
 * it gone (or find the new owner's live lock on their next round).
 */
function breakStaleLock(lockFile: string): void {
  const owner = readPid(lockFile);
  if (owner === undefined || isAlive(owner)) return;
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // someone else moved it first
  }
  // If what we moved was a live lock taken meanwhile, put it back.
  const moved = readPid(aside);
  if (moved !== undefined && moved !== owner && isAlive(moved)) renameSync(aside, lockFile);
  else rmSync(aside, { force: true });
}

/** Creates the lock file atomically; false when another process holds it. */
function takeLock(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function spawnServer(
  opts: LocalNeo4jOptions,
  classpath: string,
  uri: string,
  paths: ReturnType<typeof instancePaths>,
  deadline: number,
  log: (line: string) => void,
): Promise<LocalNeo4jHandle> {
  if (await portOpen(opts.port)) {
    throw new LocalNeo4jError(`Port ${opts.port} is taken by something that does not speak Bolt; set LOCAL_NEO4J_PORT to a free port.`);
  }
  mkdirSync(paths.conf, { recursive: true });
  copyFileSync(join(RECIPE_DIR, 'neo4j.conf'), join(paths.conf, 'neo4j.conf'));
  appendFileSync(
    join(paths.conf, 'neo4j.conf'),
    [
      '',
      '# Added by src/db/local-neo4j.ts for this instance',
      `server.bolt.listen_address=127.0.0.1:${opts.port}`,
      `server.directories.data=${join(paths.home, 'data')}`,
      `server.directories.logs=${paths.logs}`,
      `server.directories.run=${join(paths.home, 'run')}`,
      `server.directories.import=${join(paths.home, 'import')}`,
      '',
    ].join('\n'),
  );

  const heap = opts.heap ?? '1g';
  const out = openSync(paths.console, 'a');
  const child = spawn(
    javaBinary(),
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      ...(opts.jvmFlags ?? []),
      '-Dfile.encoding=UTF-8',
      // The flags Neo4j's own start script passes, so the page cache can use direct buffers.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${paths.home}`,
      `--config-dir=${paths.conf}`,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const spawnError = await new Promise<Error | undefined>((done) => {
    child.once('error', done);
    child.once('spawn', () => done(undefined));
  });
  if (spawnError || child.pid === undefined) {
    throw new LocalNeo4jError(`Could not start Java (${javaBinary()}): ${spawnError?.message ?? 'no process'}. Java 17 or newer is needed.`);
  }
  const pid = child.pid;
  writeFileSync(paths.pidFile, String(pid));
  child.unref();
  log(`Starting Neo4j Community ${NEO4J_VERSION} (pid ${pid}) on ${uri}, data in ${paths.home}…`);
  try {
    await waitForBolt(uri, () => isAlive(pid), deadline, paths.console);
  } catch (error) {
    // A server that did not come up in time must not linger, holding the port and the data.
    await terminate(pid, 30);
    rmSync(paths.pidFile, { force: true });
    throw error;
  }
  return { uri, started: true, version: NEO4J_VERSION };
}

async function waitForBolt(uri: string, starterAlive: () => boolean, deadline: number, consoleLog: string): Promise<void> {
  while (Date.now() < deadline) {
    if (await boltAnswers(uri)) return;
    if (!starterAlive()) {
      throw new LocalNeo4jError(`Neo4j exited during start-up. Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
    }
    await sleep(500);
  }
  throw new LocalNeo4jError(`Neo4j did not answer on ${uri} in time. Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
}

/** SIGTERM, wait up to `seconds` for a clean shutdown, then SIGKILL. */
async function terminate(pid: number, seconds: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + seconds * 1000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Stops the local Neo4j of this instance folder, if running; waits for a clean shutdown. */
export async function stopLocalNeo4j(opts: Pick<LocalNeo4jOptions, 'dir' | 'log'>, timeoutSeconds = 60): Promise<boolean> {
  const paths = instancePaths({ ...opts, port: 0 });
  const pid = readPid(paths.pidFile);
  if (pid === undefined || !isOurServer(pid, paths.home)) {
    rmSync(paths.pidFile, { force: true });
    return false;
  }
  opts.log?.(`Stopping local Neo4j (pid ${pid})…`);
  await terminate(pid, timeoutSeconds);
  rmSync(paths.pidFile, { force: true });
  return true;
}

export async function localNeo4jStatus(opts: Pick<LocalNeo4jOptions, 'dir' | 'port'>): Promise<{ pid?: number; running: boolean; answering: boolean }> {
  const paths = instancePaths(opts);
  const pid = readPid(paths.pidFile);
  const running = pid !== undefined && isOurServer(pid, paths.home);
  return { ...(running ? { pid } : {}), running, answering: await boltAnswers(`bolt://127.0.0.1:${opts.port}`) };
}

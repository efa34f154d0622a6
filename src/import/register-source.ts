// Where the register workbook comes from, found the way the project finds Neo4j: what the user
// names, else what is already here, else a download. The project commits no copy of it.
//   1. an explicit file (REGISTER_FILE, or the import's --register FILE): used as given; its
//      SHA-256 is reported but need not be the known one (it may be a newer quarter);
//   2. a cached copy (REGISTER_CACHE_DIR, default .cache/register/, git-ignored);
//   3. the local mirror ../shared/data/destatis-2024-12-31/ beside the project, when it is there;
//   4. a download from Destatis (REGISTER_URL) into the cache.
// From 2 to 4 the file must be the known one, byte for byte (REGISTER_SHA256): a cached file that
// is not is removed and the next place tried, a mirror that is not is an error, and a download
// that is not is not kept.
import { DEFAULT_REGISTER_CACHE_DIR, REGISTER_URL } from '../config.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fromProject } from '../paths.js';
import { SourceError } from './csv.js';

/** The workbook this project reads: territorial status 31.12.2024, population 31.12.2023. */
export const REGISTER_FILE_NAME = 'AuszugGV4QAktuell_2024.xlsx';
export const REGISTER_SHA256 = 'f48d7d6d373da4d0cb530724ae1d6ccc48f7454135afa4324a8de46a3af922df';

/** The shared data folder beside the project (present on the developers' machines and in CI). */
export const DEFAULT_REGISTER_MIRROR_DIR = fromProject('../shared/data/destatis-2024-12-31');

/** The largest download accepted (the workbook has 1.6 MB). */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

export type RegisterOrigin = 'file' | 'cache' | 'mirror' | 'download';

export interface RegisterLocation {
  /** Absolute path of the workbook. */
  path: string;
  origin: RegisterOrigin;
  sha256: string;
}

export interface LocateRegisterOptions {
  /** An explicit workbook: absolute, or relative to the project folder (as settings are; a command resolves its argument against the working directory first). */
  file?: string | undefined;
  /** Where downloads are kept; relative to the project folder unless absolute. */
  cacheDir?: string;
  /** The local mirror's folder; null: none. */
  mirrorDir?: string | null;
  url?: string;
  /** The SHA-256 the cached, mirrored or downloaded file must have. */
  sha256?: string;
  /** The workbook's file name in the cache and the mirror. */
  fileName?: string;
  /** For tests: the fetch to download with. */
  fetch?: typeof globalThis.fetch;
  /** The whole download, answer and body. */
  timeoutMs?: number;
  /** What was found, removed or downloaded, one line each. */
  log?: (line: string) => void;
}

/** Finds the register workbook (see the top of this file); SourceError when there is none to be had. */
export async function locateRegister(options: LocateRegisterOptions = {}): Promise<RegisterLocation> {
  const expected = (options.sha256 ?? REGISTER_SHA256).toLowerCase();
  const fileName = options.fileName ?? REGISTER_FILE_NAME;
  const url = options.url ?? REGISTER_URL;
  const log = options.log ?? (() => {});
  const source = fileName;

  if (options.file !== undefined) {
    const path = fromProject(options.file);
    if (!(await isFile(path))) throw new SourceError(source, null, `the register file ${path} (REGISTER_FILE or --register) does not exist or is no file`);
    const sha256 = await sha256File(path);
    log(`register: ${path} as given, sha256 ${sha256}${sha256 === expected ? ' (the known workbook)' : ` (not the known ${expected}: another edition?)`}`);
    return { path, origin: 'file', sha256 };
  }

  const cacheDir = fromProject(options.cacheDir ?? DEFAULT_REGISTER_CACHE_DIR);
  const cached = join(cacheDir, fileName);
  if (await isFile(cached)) {
    const sha256 = await sha256File(cached);
    if (sha256 === expected) {
      log(`register: cached copy ${cached}`);
      return { path: cached, origin: 'cache', sha256 };
    }
    await rm(cached, { force: true });
    log(`register: removed the cached ${cached}: sha256 ${sha256}, not the known ${expected}`);
  }

  const mirrorDir = options.mirrorDir === undefined ? DEFAULT_REGISTER_MIRROR_DIR : options.mirrorDir;
  if (mirrorDir !== null) {
    const mirrored = join(fromProject(mirrorDir), fileName);
    if (await isFile(mirrored)) {
      const sha256 = await sha256File(mirrored);
      if (sha256 !== expected) {
        throw new SourceError(
          source,
          null,
          `the mirror's ${mirrored} has sha256 ${sha256}, not the known ${expected}; to import it anyway, name it with REGISTER_FILE`,
        );
      }
      log(`register: local mirror ${mirrored}`);
      return { path: mirrored, origin: 'mirror', sha256 };
    }
  }

  await download(url, cacheDir, cached, expected, options.fetch ?? globalThis.fetch, options.timeoutMs ?? 120_000, source);
  log(`register: downloaded ${url} to ${cached}`);
  return { path: cached, origin: 'download', sha256: expected };
}

/** Streams the answer into a temporary file in the cache, checks its hash, then renames it into place. */
async function download(
  url: string,
  cacheDir: string,
  target: string,
  expected: string,
  fetchFn: typeof globalThis.fetch,
  timeoutMs: number,
  source: string,
): Promise<void> {
  const fail = (message: string) => new SourceError(source, null, `download from ${url}: ${message}`);
  await mkdir(cacheDir, { recursive: true });
  const partial = join(cacheDir, `.${randomBytes(6).toString('hex')}.download`);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { signal, redirect: 'follow' });
    } catch (error) {
      throw fail(reason(error, timeoutMs));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    if (!response.body) throw fail('the answer has no body');
    const hash = createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > MAX_DOWNLOAD_BYTES) return done(new Error(`larger than ${MAX_DOWNLOAD_BYTES} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), count, createWriteStream(partial), { signal });
    } catch (error) {
      throw fail(reason(error, timeoutMs));
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== expected) {
      throw fail(
        `sha256 ${sha256} (${bytes} bytes), not the known ${expected}; not kept. Destatis may have published a newer quarter: ` +
          'download it yourself and name it with REGISTER_FILE (or --register), or set REGISTER_URL',
      );
    }
    try {
      await rename(partial, target);
    } catch (error) {
      throw fail(`cannot keep it as ${target}: ${(error as Error).message}`);
    }
  } finally {
    await rm(partial, { force: true });
  }
}

function reason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: Error };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete answer within ${timeoutMs} ms`;
  return e.cause?.message ? `${e.message} (${e.cause.message})` : e.message;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export { DEFAULT_REGISTER_CACHE_DIR, REGISTER_URL };

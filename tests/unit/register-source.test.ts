// Where the register workbook comes from: setting, cache, mirror, download. No Neo4j; the only
// network is a server of the test's own on 127.0.0.1.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/import/csv.js';
import {
  DEFAULT_REGISTER_MIRROR_DIR,
  locateRegister,
  REGISTER_FILE_NAME,
  REGISTER_SHA256,
  type LocateRegisterOptions,
} from '../../src/import/register-source.js';

const MIRROR_WORKBOOK = join(DEFAULT_REGISTER_MIRROR_DIR, REGISTER_FILE_NAME);

/** A fetch that must not be called: these places need no download. */
const noFetch: typeof fetch = () => Promise.reject(new Error('no download expected'));

/** Answers every request with `answer`; only on 127.0.0.1, closed after the test. */
let server: Server | undefined;
let requests = 0;
async function serve(answer: (res: import('node:http').ServerResponse) => void): Promise<string> {
  server = createServer((_req, res) => {
    requests++;
    answer(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/AuszugGV4QAktuell.xlsx?__blob=publicationFile`;
}

let root: string;
let cacheDir: string;
let noMirror: string;
let logs: string[];
let options: (more: Partial<LocateRegisterOptions>) => LocateRegisterOptions;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'register-source-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  const here = mkdtempSync(join(root, 'case-'));
  cacheDir = join(here, 'cache');
  noMirror = join(here, 'no-mirror');
  logs = [];
  requests = 0;
  options = (more) => ({ cacheDir, mirrorDir: DEFAULT_REGISTER_MIRROR_DIR, url: 'https://invalid.example/register.xlsx', fetch: noFetch, log: (line) => logs.push(line), ...more });
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as SourceError,
  );

describe('locateRegister', () => {
  it('uses an explicit file as given, whatever its hash, before cache and mirror', async () => {
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(MIRROR_WORKBOOK, join(cacheDir, REGISTER_FILE_NAME));
    const newer = join(root, 'AuszugGV4QAktuell_2025.xlsx');
    writeFileSync(newer, 'a newer quarter');
    const found = await locateRegister(options({ file: newer }));
    expect(found).toEqual({ path: newer, origin: 'file', sha256: sha256(Buffer.from('a newer quarter')) });
    expect(logs.join('\n')).toMatch(/as given, sha256 [0-9a-f]{64} \(not the known f48d7d6d/);

    const missing = await failure(locateRegister(options({ file: join(root, 'nothing.xlsx') })));
    expect(missing).toBeInstanceOf(SourceError);
    expect(missing.message).toMatch(/nothing\.xlsx \(REGISTER_FILE or --register\) does not exist/);
  });

  it('prefers a valid cached copy to the mirror', async () => {
    mkdirSync(cacheDir, { recursive: true });
    const cached = join(cacheDir, REGISTER_FILE_NAME);
    copyFileSync(MIRROR_WORKBOOK, cached);
    expect(await locateRegister(options({}))).toEqual({ path: cached, origin: 'cache', sha256: REGISTER_SHA256 });
  });

  it('removes a cached copy with the wrong hash and takes the mirror', async () => {
    mkdirSync(cacheDir, { recursive: true });
    const cached = join(cacheDir, REGISTER_FILE_NAME);
    writeFileSync(cached, readFileSync(MIRROR_WORKBOOK).subarray(0, 1000));
    expect(await locateRegister(options({}))).toEqual({ path: MIRROR_WORKBOOK, origin: 'mirror', sha256: REGISTER_SHA256 });
    expect(existsSync(cached)).toBe(false);
    expect(logs.join('\n')).toMatch(/removed the cached .* not the known/);
  });

  it('refuses a mirror whose workbook is not the known one', async () => {
    const mirror = join(root, 'other-mirror');
    mkdirSync(mirror, { recursive: true });
    writeFileSync(join(mirror, REGISTER_FILE_NAME), 'not it');
    const error = await failure(locateRegister(options({ mirrorDir: mirror })));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/the mirror's .* has sha256 [0-9a-f]{64}, not the known f48d7d6d.*REGISTER_FILE/);
  });

  it('downloads into the cache when there is neither cache nor mirror, and uses that copy next time', async () => {
    const workbook = readFileSync(MIRROR_WORKBOOK);
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      res.end(workbook);
    });
    const found = await locateRegister(options({ mirrorDir: noMirror, url, fetch }));
    const cached = join(cacheDir, REGISTER_FILE_NAME);
    expect(found).toEqual({ path: cached, origin: 'download', sha256: REGISTER_SHA256 });
    expect(sha256(readFileSync(cached))).toBe(REGISTER_SHA256);
    expect(readdirSync(cacheDir)).toEqual([REGISTER_FILE_NAME]); // no temporary file left
    expect(await locateRegister(options({ mirrorDir: noMirror, url, fetch }))).toMatchObject({ origin: 'cache' });
    expect(requests).toBe(1);
  });

  it('keeps nothing of a download with the wrong bytes', async () => {
    const url = await serve((res) => res.end(Buffer.from('<html>Seite nicht gefunden</html>')));
    const error = await failure(locateRegister(options({ mirrorDir: noMirror, url, fetch })));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/download from http:\/\/127\.0\.0\.1:\d+\/.*: sha256 [0-9a-f]{64} \(33 bytes\), not the known f48d7d6d.*not kept/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('says so when the server answers 404', async () => {
    const url = await serve((res) => {
      res.writeHead(404, 'Not Found');
      res.end('no such file');
    });
    const error = await failure(locateRegister(options({ mirrorDir: noMirror, url, fetch })));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/download from http:\/\/127\.0\.0\.1:\d+\/.*: HTTP 404 Not Found/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('gives up on a server that does not answer in time', async () => {
    const url = await serve((res) => {
      res.writeHead(200);
      res.write('PK'); // and then nothing more
    });
    const error = await failure(locateRegister(options({ mirrorDir: noMirror, url, fetch, timeoutMs: 300 })));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/no complete answer within 300 ms/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { badInput, formatError } from '../../src/errors.js';
import { REGISTER_URL } from '../../src/import/register-source.js';
import { parse, slugSchema } from '../../src/kernel/validation.js';

describe('config', () => {
  it('uses the local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1', maxBodyBytes: 100_000, shutdownGraceMs: 25_000, explorer: true, corsOrigins: [], metricsPort: undefined, answerCache: { http: true, responseCache: true, maxAgeSeconds: 60 } });
    expect(config.localNeo4j).toEqual({ port: 7687, dir: '.neo4j', heap: '1g' });
    expect(config.register).toEqual({ file: undefined, url: REGISTER_URL, cacheDir: '.cache/register' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns the explorer off in production unless asked, and reads the CORS origins', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).http.explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'on' }).http.explorer).toBe(true);
    expect(loadConfig({ EXPLORER: 'off' }).http.explorer).toBe(false);
    expect(loadConfig({ CORS_ORIGINS: 'https://karte.example.de, http://localhost:5173' }).http.corsOrigins).toEqual(['https://karte.example.de', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://karte.example.de/pfad' })).toThrow(/CORS_ORIGINS.*must be an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ METRICS: 'on' }).http.metricsPort).toBe(9464);
    expect(loadConfig({ HTTP_CACHE: 'off', RESPONSE_CACHE: 'off', CACHE_MAX_AGE: '300' }).http.answerCache).toEqual({ http: false, responseCache: false, maxAgeSeconds: 300 });
    expect(() => loadConfig({ CACHE_MAX_AGE: '-1' })).toThrow(/CACHE_MAX_AGE/);
    expect(loadConfig({ METRICS: 'on', METRICS_PORT: '9100' }).http.metricsPort).toBe(9100);
  });

  it('reads a remote Neo4j, treating empty variables as unset', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'graph', PORT: '' });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'neo4j', password: 'pw', database: 'graph' });
    expect(config.http.port).toBe(4000);
  });

  it('names every wrong value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', LOG_LEVEL: 'loud', SHUTDOWN_GRACE_MS: '-5', NEO4J_DATABASE: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^NEO4J_URI: must be a neo4j:\/\/ or bolt:\/\/ URI/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^SHUTDOWN_GRACE_MS: Too small/m);
    expect(problems).toMatch(/^NEO4J_DATABASE: must be a Neo4j database name/m);
    // One message per wrong value, nothing about the right ones.
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('needs NEO4J_URI where no local Neo4j may be started (the container image)', () => {
    expect(() => loadConfig({ LOCAL_NEO4J: 'off' })).toThrow(/NEO4J_URI: required when LOCAL_NEO4J=off/);
    expect(loadConfig({ LOCAL_NEO4J: 'off', NEO4J_URI: 'neo4j://db:7687' }).neo4j.uri).toBe('neo4j://db:7687');
    expect(() => loadConfig({ LOCAL_NEO4J: 'no' })).toThrow(ConfigError);
  });

  it('reads the security settings, with safe defaults: rate limits on, no bearer tokens until configured', () => {
    const defaults = loadConfig({});
    expect(defaults.auth).toMatchObject({ jwtSecret: undefined, jwksUrl: undefined, apiKeyCacheMs: 10_000 });
    expect(defaults.limits).toMatchObject({ maxDepth: 12, maxAliases: 20, maxTokens: 2_000, maxDirectives: 10, maxCost: 10_000 });
    expect(defaults.limits.rateLimit).toEqual({ enabled: true, windowSeconds: 60, anonymous: 100_000, signedIn: 200_000, authFailures: 20 });
    expect(defaults.trustProxy).toBe(false);
    const set = loadConfig({
      JWT_JWKS_URL: 'https://login.example/.well-known/jwks.json',
      JWT_ISSUER: 'https://login.example',
      JWT_AUDIENCE: 'smart-city-graph',
      MAX_DEPTH: '8',
      RATE_LIMIT: 'off',
      TRUST_PROXY: 'loopback',
    });
    expect(set.auth.jwksUrl).toBe('https://login.example/.well-known/jwks.json');
    expect(set.limits.maxDepth).toBe(8);
    expect(set.limits.rateLimit.enabled).toBe(false);
    expect(set.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('refuses a short JWT secret, a key set not on https or without issuer and audience, and both at once', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
      return '';
    };
    expect(problems({ JWT_SECRET: 'short' })).toMatch(/^JWT_SECRET: must be at least 32 characters/m);
    expect(problems({ REGISTER_URL: 'http://www.destatis.de/x.xlsx' })).toMatch(/^REGISTER_URL: must be https/m);
    expect(problems({ JWT_JWKS_URL: 'ftp://x/jwks' })).toMatch(/^JWT_JWKS_URL: /m);
    expect(problems({ JWT_JWKS_URL: 'http://login.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toMatch(/^JWT_JWKS_URL: must be https/m);
    expect(problems({ JWT_JWKS_URL: 'https://login.example/jwks' })).toMatch(/JWT_ISSUER, JWT_AUDIENCE: required with JWT_JWKS_URL/);
    expect(problems({ JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URL: 'https://login.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toMatch(
      /set one of them, not both/,
    );
    const both = problems({ RATE_LIMIT: 'maybe', MAX_COST: '0' });
    expect(both).toMatch(/^RATE_LIMIT: /m);
    expect(both).toMatch(/^MAX_COST: /m);
  });
});

describe('errors', () => {
  it('passes our own errors and request-level errors, masks everything else', () => {
    const ours = new GraphQLError('wrapped', { path: ['x'], originalError: badInput('Bad AGS') });
    expect(formatError({ message: 'Bad AGS', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at …'] } }, ours)).toEqual({ message: 'Bad AGS', extensions: { code: 'BAD_USER_INPUT' } });

    const syntax = new GraphQLError('Syntax Error: Expected Name');
    expect(formatError({ message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, syntax).message).toBe('Syntax Error: Expected Name');

    const leak = new GraphQLError('Neo.ClientError.Statement.SyntaxError: MATCH (secret)', { path: ['project'], originalError: new Error('MATCH (secret)') });
    expect(formatError({ message: leak.message, path: ['project'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, leak)).toEqual({
      message: 'Internal server error',
      path: ['project'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('lists every invalid field of an input', () => {
    try {
      parse(slugSchema, 'Not A Slug!', 'input.slug');
      expect.unreachable();
    } catch (e) {
      expect((e as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidArgs: [{ path: 'input.slug' }] });
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'passage-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a secret file and returns its path. */
function secretFile(name: string, content: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

const fakeKey = 'a'.repeat(64);
const productionReady = {
  NODE_ENV: 'production',
  PASSAGE_ROOT_KEY: fakeKey,
  PASSAGE_ORIGIN: 'https://passage.example.org',
  DATABASE_URL: 'postgres://owner:fake-password@db.example.org:5432/passage',
};

/** A copy of an environment without one variable. */
function without(env: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));
}

/** Loads a configuration that must be refused and returns the message. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('defaults', () => {
  it('runs on the embedded database on loopback port 3000 in development with demo mode and API docs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      isProduction: false,
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      database: { kind: 'embedded' },
      demo: true,
      apiDocs: true,
      jobs: true,
      trustProxy: false,
      logLevel: 'info',
      metricsToken: undefined,
      backupRecipients: [],
    });
    expect(config.origin.origin).toBe('http://localhost:3000');
  });

  it('keeps the generated root key file beside the data folder, never inside it', () => {
    const config = loadConfig({ PASSAGE_DATA_DIR: path.join(tmp, 'data') });
    expect(config.rootKey).toEqual({ kind: 'file', path: path.join(tmp, 'passage-root.key') });
  });

  it('derives the origin from the port when no origin is given', () => {
    expect(loadConfig({ PORT: '8123' }).origin.origin).toBe('http://localhost:8123');
  });

  it('turns demo mode off by default for an external database or a public address', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db.example.org/passage' }).demo).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }).demo).toBe(false);
  });

  it('returns a frozen configuration', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('names the variable whose value is invalid', () => {
    expect(refusal({ PORT: 'eighty' })).toContain('PORT');
    expect(refusal({ PASSAGE_METRICS_TOKEN: 'short' })).toContain('PASSAGE_METRICS_TOKEN');
  });
});

describe('secrets given as files', () => {
  it('reads DATABASE_URL and the metrics token from their _FILE forms, trimmed', () => {
    const config = loadConfig({
      DATABASE_URL_FILE: secretFile('db-url', 'postgres://owner:fake-password@db.example.org/passage\n'),
      PASSAGE_METRICS_TOKEN_FILE: secretFile('metrics', 'fake-metrics-token-0123456789\n'),
    });
    expect(config.database).toMatchObject({
      kind: 'external',
      ownerUrl: 'postgres://owner:fake-password@db.example.org/passage',
    });
    expect(config.metricsToken).toBe('fake-metrics-token-0123456789');
  });

  it('keeps the root key file as a path so the key can be re-read on rotation', () => {
    const file = secretFile('root.key', `${fakeKey}\n`);
    expect(loadConfig({ PASSAGE_ROOT_KEY_FILE: file }).rootKey).toEqual({ kind: 'file', path: file });
  });

  it('refuses a secret given both directly and as a file, naming both variables', () => {
    const message = refusal({
      PASSAGE_METRICS_TOKEN: 'fake-metrics-token-0123456789',
      PASSAGE_METRICS_TOKEN_FILE: secretFile('metrics-2', 'fake-metrics-token-0123456789'),
    });
    expect(message).toContain('PASSAGE_METRICS_TOKEN or PASSAGE_METRICS_TOKEN_FILE');
    expect(
      refusal({ PASSAGE_ROOT_KEY: fakeKey, PASSAGE_ROOT_KEY_FILE: secretFile('root-2.key', fakeKey) }),
    ).toContain('PASSAGE_ROOT_KEY or PASSAGE_ROOT_KEY_FILE');
  });

  it('names the _FILE variable and the path when the file cannot be read', () => {
    const missing = path.join(tmp, 'no-such-file');
    const message = refusal({ DATABASE_URL_FILE: missing });
    expect(message).toContain('DATABASE_URL_FILE');
    expect(message).toContain(missing);
  });

  it('names the _FILE variable when the path is not a readable file', () => {
    expect(refusal({ PASSAGE_BACKUP_RECIPIENTS_FILE: tmp })).toContain('PASSAGE_BACKUP_RECIPIENTS_FILE');
  });
});

describe('production refuses unsafe settings', () => {
  it('accepts a complete production configuration, with API docs and demo mode off', () => {
    const config = loadConfig(productionReady);
    expect(config).toMatchObject({ isProduction: true, demo: false, apiDocs: false });
  });

  it('refuses to start without a root key, naming PASSAGE_ROOT_KEY and PASSAGE_ROOT_KEY_FILE', () => {
    const env = without(productionReady, 'PASSAGE_ROOT_KEY');
    const message = refusal(env);
    expect(message).toContain('PASSAGE_ROOT_KEY');
    expect(message).toContain('PASSAGE_ROOT_KEY_FILE');
  });

  it('accepts the root key as a file', () => {
    const env = without(productionReady, 'PASSAGE_ROOT_KEY');
    const config = loadConfig({ ...env, PASSAGE_ROOT_KEY_FILE: secretFile('prod.key', fakeKey) });
    expect(config.rootKey.kind).toBe('file');
  });

  it('refuses a missing origin, naming PASSAGE_ORIGIN', () => {
    const env = without(productionReady, 'PASSAGE_ORIGIN');
    expect(refusal(env)).toContain('Set PASSAGE_ORIGIN');
  });

  it('refuses an http origin, naming PASSAGE_ORIGIN and the origin given', () => {
    const message = refusal({ ...productionReady, PASSAGE_ORIGIN: 'http://passage.example.org' });
    expect(message).toContain('PASSAGE_ORIGIN must be https');
    expect(message).toContain('http://passage.example.org');
  });

  it('refuses demo mode, naming PASSAGE_DEMO', () => {
    expect(refusal({ ...productionReady, PASSAGE_DEMO: 'true' })).toContain('PASSAGE_DEMO');
  });

  it('refuses the embedded database unless PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION is set', () => {
    const env = without(productionReady, 'DATABASE_URL');
    const message = refusal(env);
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION=true');
    const allowed = loadConfig({ ...env, PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION: 'true' });
    expect(allowed.database.kind).toBe('embedded');
    expect(allowed.demo).toBe(false);
  });

  it('lists every problem at once so the operator fixes them in one go', () => {
    const message = refusal({ NODE_ENV: 'production', PASSAGE_DEMO: 'true' });
    for (const name of ['PASSAGE_ROOT_KEY', 'PASSAGE_ORIGIN', 'PASSAGE_DEMO', 'DATABASE_URL'])
      expect(message).toContain(name);
  });

  it('serves API docs in production only when PASSAGE_API_DOCS is true', () => {
    expect(loadConfig({ ...productionReady, PASSAGE_API_DOCS: 'true' }).apiDocs).toBe(true);
  });
});

describe('trusted proxies', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['0', 0],
    ['2', 2],
    ['10.0.0.0/8,127.0.0.1', '10.0.0.0/8,127.0.0.1'],
  ])('reads PASSAGE_TRUST_PROXY=%j as %j', (value, expected) => {
    const env = value === undefined ? {} : { PASSAGE_TRUST_PROXY: value };
    expect(loadConfig(env).trustProxy).toEqual(expected);
  });
});

describe('other settings', () => {
  it('splits backup recipients on commas and whitespace', () => {
    const config = loadConfig({ PASSAGE_BACKUP_RECIPIENTS: 'age1fakeone, age1faketwo\nage1fakethree' });
    expect(config.backupRecipients).toEqual(['age1fakeone', 'age1faketwo', 'age1fakethree']);
  });

  it('rebuilds a stale web app on start unless PASSAGE_SKIP_WEB_BUILD is true', () => {
    expect(loadConfig({}).skipWebBuild).toBe(false);
    expect(loadConfig({ PASSAGE_SKIP_WEB_BUILD: 'true' }).skipWebBuild).toBe(true);
  });

  it('reads yes/no style booleans', () => {
    expect(loadConfig({ PASSAGE_JOBS: 'off' }).jobs).toBe(false);
    expect(loadConfig({ PASSAGE_JOBS: 'yes' }).jobs).toBe(true);
    expect(refusal({ PASSAGE_JOBS: 'maybe' })).toContain('PASSAGE_JOBS');
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../server/config.ts';
import { createKysely } from '../server/db/kysely.ts';
import { demoAccounts, demoPassword } from '../server/modules/demo/demo.data.ts';
import { createSociety, createUser } from '../test/factories.ts';
import { createTestApp, testConfig, type TestApp } from '../test/harness.ts';
import { runDemo } from './demo.ts';
import { runInit } from './init.ts';
import { main } from './main.ts';
import type { OperatorContext } from './operator-context.ts';
import { runUser } from './user.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_DEMO: 'true' } });
});
afterAll(() => t.close());

/** An operator context over the test database that records what the verb prints. */
function operator(options: { config?: Config; answers?: string[] } = {}) {
  const printed = { out: '', err: '' };
  const answers = options.answers;
  const ctx: OperatorContext = {
    config: options.config ?? t.config,
    systemDb: createKysely(t.db.system),
    keys: t.keys,
    accountKeys: t.accountKeys,
    out: (text) => void (printed.out += text),
    err: (text) => void (printed.err += text),
    ask: answers && (async () => answers.shift() ?? ''),
  };
  return { ctx, printed };
}

const oneTimePassword = /\n {4}([a-z2-9]{4}(?:-[a-z2-9]{4}){4})\n/;
const societyCount = async () => (await t.db.system.query('select id from societies')).rowCount;

describe('passage init', () => {
  it('creates the society and prints the administrator password once, and nothing else personal', async () => {
    const { ctx, printed } = operator();
    const code = await runInit(ctx, [
      '--society-name',
      'Test Society Cli',
      '--country',
      'xb',
      '--admin-email',
      'cli.admin@example.invalid',
      '--admin-name',
      'Test Cli Administrator',
    ]);
    expect(code).toBe(0);
    const password = oneTimePassword.exec(printed.out)?.[1] as string;
    expect(printed.out.split(password)).toHaveLength(2);
    expect(printed.out).not.toContain('Test Cli Administrator');
    const { rows } = await t.db.system.query('select country, time_zone from societies where name = $1', [
      'Test Society Cli',
    ]);
    expect(rows).toEqual([{ country: 'XB', time_zone: 'UTC' }]);
  });

  it('asks for the missing values in a terminal', async () => {
    const answers = [
      'Test Society Asked',
      'XC',
      'Africa/Nairobi',
      'asked.admin@example.invalid',
      'Test Asked',
    ];
    const { ctx, printed } = operator({ answers });
    expect(await runInit(ctx, [])).toBe(0);
    expect(printed.out).toMatch(oneTimePassword);
    expect(answers).toEqual([]);
  });

  it('prints the usage and creates nothing when values are missing and no terminal is attached', async () => {
    const before = await societyCount();
    const { ctx, printed } = operator();
    expect(await runInit(ctx, ['--society-name', 'Test Society Incomplete'])).toBe(2);
    expect(printed.err).toContain('Usage:');
    expect(await societyCount()).toBe(before);
  });
});

describe('passage user', () => {
  it('adds an existing account to a society without a new password', async () => {
    const existing = await createUser(t, { societyId: await createSociety(t), roles: ['trainer'] });
    const societyId = await createSociety(t);
    const { ctx, printed } = operator();
    const args = [
      'add',
      '--society',
      societyId,
      '--email',
      existing.email,
      '--roles',
      'caseworker,focal-point',
    ];
    expect(await runUser(ctx, args)).toBe(0);
    expect(printed.out).toContain('now holds caseworker, focal-point');
    expect(printed.out).toContain('password and authenticator are unchanged');
    expect(printed.out).not.toMatch(oneTimePassword);
  });

  it('refuses an unknown role and an unknown society', async () => {
    const { ctx, printed } = operator();
    const add = ['add', '--email', 'someone@example.invalid', '--name', 'Test Someone'];
    expect(await runUser(ctx, [...add, '--society', 'Test Society Cli', '--roles', 'superuser'])).toBe(2);
    expect(await runUser(ctx, [...add, '--society', 'No Such Society', '--roles', 'volunteer'])).toBe(1);
    expect(printed.err).toContain('no society has that id or name');
  });

  it('resets a password, printing the temporary one once, and says when no account has the address', async () => {
    const user = await createUser(t, { societyId: await createSociety(t), roles: ['administrator'] });
    const { ctx, printed } = operator();
    expect(await runUser(ctx, ['reset-password', '--email', user.email])).toBe(0);
    expect(printed.out).toMatch(oneTimePassword);
    expect(await runUser(ctx, ['reset-mfa', '--email', 'nobody@example.invalid'])).toBe(1);
    expect(printed.err).toContain('no account has that e-mail address');
  });
});

describe('passage demo', () => {
  it('refuses outside demo mode and loads nothing', async () => {
    const config = testConfig({ PASSAGE_DEMO: 'false' });
    try {
      const before = await societyCount();
      const { ctx, printed } = operator({ config });
      expect(await runDemo(ctx, ['--reset'])).toBe(1);
      expect(printed.err).toContain('demo mode is off');
      expect(await societyCount()).toBe(before);
    } finally {
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });

  it('loads the demo society on --reset even beside other societies, then lists its accounts', async () => {
    const { ctx, printed } = operator();
    expect(await runDemo(ctx, ['--reset'])).toBe(0);
    expect(printed.out).toContain('Loaded the demo society');
    const listed = operator();
    expect(await runDemo(listed.ctx, [])).toBe(0);
    expect(listed.printed.out).toContain(demoPassword);
    for (const a of demoAccounts) expect(listed.printed.out).toContain(a.email);
  });
});

describe('the passage command', () => {
  it('lists init, user and demo, and answers an unknown user verb with usage before opening any database', async () => {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      text += String(chunk);
      return true;
    });
    try {
      expect(await main(['help'])).toBe(0);
      expect(await main(['user', 'frobnicate'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(text).toMatch(/\n {2}init {6}/);
    expect(text).toMatch(/\n {2}user {6}/);
    expect(text).toMatch(/\n {2}demo {6}/);
    expect(text).toContain('passage user reset-mfa --email EMAIL');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderBusyError, lockDataFolder } from './data-lock.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'passage-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('the data folder lock', () => {
  it('refuses a second lock on a held folder, naming the folder and the holder', async () => {
    const dir = folder('held');
    const lock = await lockDataFolder(dir);
    try {
      const error: unknown = await lockDataFolder(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFolderBusyError);
      expect((error as Error).message).toContain(realpathSync(dir));
      expect((error as Error).message).toContain(`process ${process.pid}`);
      expect((error as Error).message).toContain('PASSAGE_DATA_DIR');
    } finally {
      await lock.release();
    }
  });

  it('can be taken again once released', async () => {
    const dir = folder('released');
    const first = await lockDataFolder(dir);
    await expect(lockDataFolder(dir)).rejects.toThrow(DataFolderBusyError);
    await first.release();
    const again = lockDataFolder(dir);
    await expect(again).resolves.toHaveProperty('release');
    await (await again).release();
  });

  it('writes the holder pid beside the data', async () => {
    const dir = folder('pid');
    const lock = await lockDataFolder(dir);
    try {
      expect(readFileSync(path.join(dir, 'passage.pid'), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      await lock.release();
    }
  });

  it('sees through a symbolic link to the same folder', async () => {
    const dir = folder('real');
    const link = path.join(tmp, 'link-to-real');
    symlinkSync(dir, link);
    const lock = await lockDataFolder(dir);
    try {
      await expect(lockDataFolder(link)).rejects.toThrow(DataFolderBusyError);
      await expect(lockDataFolder(`${dir}/./`)).rejects.toThrow(DataFolderBusyError);
    } finally {
      await lock.release();
    }
  });

  it('lets two different folders be locked at once', async () => {
    const locks = await Promise.allSettled([lockDataFolder(folder('one')), lockDataFolder(folder('two'))]);
    expect(locks.map((l) => l.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const l of locks) if (l.status === 'fulfilled') await l.value.release();
  });

  it('creates a missing folder with owner-only permissions', async () => {
    const dir = path.join(tmp, 'new', 'data');
    const lock = await lockDataFolder(dir);
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      await lock.release();
    }
  });
});

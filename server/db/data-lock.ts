import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** Raised when another Passage process already holds the data folder. */
export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
}

/** A held lock on a data folder; release it on shutdown (the kernel releases it if the process dies). */
export type DataFolderLock = { release(): Promise<void> };

/**
 * Takes the exclusive lock on a data folder.
 *
 * The lock is a Linux abstract-namespace socket named after the folder's real path: the kernel frees it the
 * moment the holding process dies, even by `kill -9`, so a crashed Passage never leaves a stale lock and two
 * live processes can never both hold it. A pid file beside it only serves the error message.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const real = realpathSync(dataDir);
  const name = `\0passage-${createHash('sha256').update(real).digest('hex').slice(0, 32)}`;
  const pidFile = path.join(real, 'passage.pid');
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      let holder = 'another process';
      try {
        holder = `process ${readFileSync(pidFile, 'utf8').trim()}`;
      } catch {
        /* the pid file is informative only */
      }
      reject(
        new DataFolderBusyError(
          `The data folder ${real} is in use by ${holder}. Stop that Passage first, or set PASSAGE_DATA_DIR to another folder.`,
        ),
      );
    });
    server.listen(name, () => resolve());
  });
  server.unref();
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  return {
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { ConfigError, loadConfig } from '../server/config.ts';
import { DataFolderBusyError } from '../server/db/data-lock.ts';
import { MigrationChecksumError } from '../server/db/migrate.ts';

/** One `passage` verb: a one-line summary and what it runs. */
export type Command = { summary: string; run(args: string[]): Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./start.ts')).startCommand,
  dev: async () => (await import('./start.ts')).devCommand,
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  init: async () => (await import('./init.ts')).initCommand,
  user: async () => (await import('./user.ts')).userCommand,
  demo: async () => (await import('./demo.ts')).demoCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./backup.ts')).restoreCommand,
  jobs: async () => (await import('./jobs.ts')).jobsCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  keys: async () => (await import('./keys.ts')).keysCommand,
  bench: async () => (await import('../bench/run.ts')).benchCommand,
};

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(commands).map(async ([name, load]) => `  ${name.padEnd(10)}${(await load()).summary}`),
  );
  return `Usage: passage <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/** Runs one CLI verb and returns the process exit code; operator-facing errors print without a stack. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(await usage());
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await (await load()).run(args);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DataFolderBusyError ||
      error instanceof MigrationChecksumError
    ) {
      process.stderr.write(`passage ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export { loadConfig };

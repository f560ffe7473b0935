import { loadConfig } from '../server/config.ts';
import { openDatabases } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Command } from './main.ts';

/** `passage migrate`: apply pending migrations and exit. */
export const migrateCommand: Command = {
  summary: 'Apply pending database migrations and exit',
  async run() {
    const db = await openDatabases(loadConfig());
    try {
      const applied = await migrate(db.owner);
      process.stdout.write(
        applied.length ? `Applied migrations ${applied.join(', ')}.\n` : 'The database is up to date.\n',
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};

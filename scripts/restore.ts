/** `npm run restore -- <file>`: puts a backup in place as DATA_DIR's store; refuses while a server runs there. */
import { loadConfig } from '../server/config.ts';
import { restoreSqlite } from '../server/storage/sqlite-backup.ts';

const backup = process.argv[2];
const config = loadConfig();
if (!backup) {
  console.error('Usage: npm run restore -- <file>   (stop the server first; the replaced store is kept aside)');
  process.exit(2);
}
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/operations.md).');
  process.exit(2);
}
try {
  const { keptAt } = restoreSqlite(config.dataDir, backup);
  console.log(`Restored ${backup} into ${config.dataDir}.${keptAt ? ` The store it replaced is in ${keptAt}.` : ''}`);
} catch (err) {
  console.error(`Restore refused: ${(err as Error).message}`);
  process.exit(1);
}

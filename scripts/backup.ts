/** `npm run backup -- <file>`: a consistent copy of DATA_DIR's SQLite store, safe while the server runs. */
import { loadConfig } from '../server/config.ts';
import { backupSqlite } from '../server/storage/sqlite-backup.ts';

const dest = process.argv[2];
const config = loadConfig();
if (!dest) {
  console.error('Usage: npm run backup -- <file>   (copies DATA_DIR/social-shift.db; the server may keep running)');
  process.exit(2);
}
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump (see docs/operations.md).');
  process.exit(2);
}
try {
  const { bytes } = await backupSqlite(config.dataDir, dest);
  console.log(`Backed up ${config.dataDir} to ${dest} (${bytes} bytes).`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}

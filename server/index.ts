/** Process concerns only: configuration, listen, the URLs to open, graceful shutdown. */
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { startBanner } from './link-origin.ts';

const config = loadConfig();
const app = await buildApp(config);
await app.http.listen({ port: config.port, host: config.host });
const address = app.http.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

const lines = startBanner({ publicUrl: config.publicUrl, listenHost: config.host, port, trustProxy: config.trustProxy });
/** A URL fit for a log: no password. */
const shown = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};
lines.push(config.databaseUrl ? `  Data: PostgreSQL at ${shown(config.databaseUrl)}` : `  Data: ${config.dataDir}`);
if (config.cluster) lines.push(`  Cluster mode: rooms shared with every node on Redis at ${shown(config.redisUrl!)}`);
else if (config.redisUrl) lines.push(`  Limits shared through Redis at ${shown(config.redisUrl)}`);
console.log(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: saving every room and stopping...`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('unhandledRejection', (err) => app.http.log.error({ err }, 'unhandled rejection'));

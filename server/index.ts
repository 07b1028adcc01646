/** Process concerns only: configuration, listen, the URLs to open, graceful shutdown. */
import os from 'node:os';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

const config = loadConfig();
const app = await buildApp(config);
await app.http.listen({ port: config.port, host: config.host });
const address = app.http.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

const lines = [`Social Shift is running.`, `  On this computer:  http://localhost:${port}/`];
if (config.host === '0.0.0.0' || config.host === '::') {
  for (const ip of lanAddresses()) lines.push(`  Phones on this network:  http://${ip}:${port}/`);
}
lines.push(`  Data: ${config.dataDir}`);
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

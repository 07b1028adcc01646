#!/usr/bin/env node
/**
 * Runs the Playwright suite against Debian's Chromium: installs it with apt when
 * missing (Playwright's own browser download is not used), builds the client if
 * dist/client is absent or older than its sources, then runs `playwright test` with the given arguments
 * and exits with its code.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { aptInstall } from './apt.mjs';

const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

if (!fs.existsSync(CHROMIUM)) {
  if (!aptInstall(['chromium'], `${CHROMIUM} is missing (about 1.5 minutes)`) || !fs.existsSync(CHROMIUM)) {
    console.error('Could not install chromium. Install it with: apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
}

/** Newest modification time under `dir` (source files only). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(`${e.parentPath}/${e.name}`).mtimeMs);
  }
  return t;
}

// A stale build would test yesterday's client: rebuild when a client or shared source is newer.
const built = fs.existsSync('dist/client/index.html') ? fs.statSync('dist/client/index.html').mtimeMs : 0;
if (built < Math.max(newest('client'), newest('shared'))) {
  console.log(
    built ? 'client sources changed since the last build: building the client...' : 'dist/client is missing: building the client first...',
  );
  const code = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}

const args = process.argv.slice(2);
const env = { ...process.env };
if (args.some((a) => a.includes('screenshots'))) env.E2E_SCREENSHOTS = '1';
process.exit(run('npx', ['playwright', 'test', ...args], { env }));

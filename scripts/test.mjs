#!/usr/bin/env node
/**
 * `npm test`: the formatting check, type checks, the client build, vitest (unit, property, fuzz,
 * integration) and Playwright (end to end), in that order. Every stage runs
 * even when an earlier one failed, and the last line sums them up as
 * "Total: N passed, N failed, N skipped".
 *
 * Redis and PostgreSQL: REDIS_URL / DATABASE_URL when set, otherwise a
 * redis-server and a PostgreSQL cluster of its own on free ports (installed
 * from Debian when missing; see scripts/services.mjs), started before the first
 * stage that needs them, passed to it in the environment, stopped at the end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Not Playwright's test-results/: Playwright empties that folder when it starts.
const out = path.join(root, '.test-report');
fs.mkdirSync(out, { recursive: true });
const vitestJson = path.join(out, 'vitest.json');
const e2eJson = path.join(out, 'e2e.json');
for (const f of [vitestJson, e2eJson]) fs.rmSync(f, { force: true });

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const stages = [
  ['format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['types (server, shared, tests)', bin('tsc'), ['--noEmit', '-p', '.']],
  ['types (svelte)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']],
  ['client build', bin('vite'), ['build', '--logLevel', 'warn']],
  ['client compression', process.execPath, ['scripts/compress-assets.mjs']],
  ['vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], {}, { services: true }],
  ['end to end', process.execPath, ['scripts/e2e.mjs', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson }],
];

/** Started on first need; `null` after a failure to start, which fails the stages that need them. */
let services;
let servicesError = null;
async function serviceEnv() {
  if (services === undefined && !servicesError) {
    console.log('\n=== Redis and PostgreSQL ===');
    try {
      services = await startServices(process.env);
      console.log(services.started.length ? `Started: ${services.started.join('; ')}` : 'Using REDIS_URL and DATABASE_URL as given.');
    } catch (err) {
      servicesError = err;
      console.error(`Could not provide Redis and PostgreSQL: ${err.message}`);
    }
  }
  return services?.env ?? null;
}
// Ctrl-C: stop what we started before leaving (the stage's own process gets the signal too).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void (services?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

let failedStages = 0;
for (const [name, cmd, args, env, needs = {}] of stages) {
  const urls = needs.services ? await serviceEnv() : {};
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  if (!urls) {
    failedStages++;
    console.log(`=== ${name}: FAILED (no Redis and PostgreSQL) ===`);
    continue;
  }
  // spawnSync would block the signal handlers above; the stage's exit is awaited instead.
  const r = await new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, ...urls } });
    child.on('exit', (status, signal) => resolve({ status, signal }));
    child.on('error', () => resolve({ status: 1, signal: null }));
  });
  const ok = r.status === 0;
  if (!ok) failedStages++;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
await services?.stop();

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} catch {
  failed++;
  console.log('vitest wrote no results');
}
try {
  const e = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  passed += e.stats.expected + (e.stats.flaky ?? 0);
  failed += e.stats.unexpected;
  skipped += e.stats.skipped;
} catch {
  failed++;
  console.log('playwright wrote no results');
}
if (failedStages && failed === 0) failed = failedStages;
console.log(`\nTotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages || failed ? 1 : 0);

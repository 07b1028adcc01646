/**
 * Redis and PostgreSQL for the tests. When REDIS_URL / DATABASE_URL are set they are used as
 * they are (after checking something answers there). Otherwise this starts its own
 * redis-server and its own PostgreSQL cluster (initdb into a temp folder) on free loopback
 * ports, installing Debian's packages first when the binaries are missing, and `stop()`
 * ends exactly what it started and removes its folders.
 *
 * Used by scripts/test.mjs (once for every stage) and by vitest's global setup, so a bare
 * `npx vitest run <file>` gets the same services.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { aptInstall } from './apt.mjs';

const READY_TIMEOUT_MS = 30_000;

/** A port the kernel just handed out on loopback (free now; the caller binds it next). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when a TCP connection to host:port opens; rejects when it is refused or times out. */
function answers(host, port, timeoutMs = 3_000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const done = (err) => {
      socket.destroy();
      err ? reject(err) : resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error('timed out')));
    socket.once('connect', () => done());
    socket.once('error', done);
  });
}

async function checkReachable(name, url) {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  try {
    await answers(u.hostname, port);
  } catch (err) {
    throw new Error(
      `${name} is set to ${url}, but nothing answers at ${u.hostname}:${port} (${err.message}). Unset it to let the tests start their own.`,
    );
  }
}

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable `name` in these folders, then on PATH. */
function which(name, dirs = []) {
  for (const dir of [...dirs, ...(process.env.PATH ?? '').split(path.delimiter)]) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Debian keeps initdb and postgres in /usr/lib/postgresql/<major>/bin, off PATH: take the newest. */
function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of majors) {
    const dir = path.join(root, v, 'bin');
    if (executable(path.join(dir, 'initdb')) && executable(path.join(dir, 'postgres'))) return dir;
  }
  const initdb = which('initdb');
  if (initdb) {
    const dir = path.dirname(fs.realpathSync(initdb));
    if (executable(path.join(dir, 'postgres'))) return dir;
  }
  return null;
}

const findRedis = () => which('redis-server', ['/usr/bin', '/usr/local/bin', '/usr/sbin']);

/** Installs, in one apt-get run, the packages of the services we must start whose binaries are missing. */
function installMissing({ redis, postgres }) {
  const missing = [];
  if (redis && !findRedis()) missing.push('redis-server');
  if (postgres && !postgresBinDir()) missing.push('postgresql');
  if (!missing.length) return;
  if (!aptInstall(missing, 'The tests need Redis and PostgreSQL', { recommends: false })) {
    throw new Error(`Could not install ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`);
  }
}

function required(found, pkg) {
  if (!found) throw new Error(`${pkg} is installed but its binaries were not found`);
  return found;
}

/**
 * Spawns a server and resolves once a line of its output matches `ready`. Rejects, with what
 * it printed, when it exits first or stays silent past the timeout.
 */
function startUntilReady(label, cmd, args, ready, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not become ready in ${READY_TIMEOUT_MS / 1000} s:\n${out}`));
    }, READY_TIMEOUT_MS);
    const onData = (d) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        // Keep draining its output so a chatty server never blocks on a full pipe.
        child.stdout.resume();
        child.stderr.resume();
        running.add(child);
        void exited.then(() => running.delete(child));
        resolve({ child, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/**
 * Servers still running when this process exits without stop() (an uncaught error, a
 * process.exit) are killed on the way out rather than left behind.
 */
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function stopChild({ child, exited }, signal) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}

/** Three tries: a free port can be taken by someone else between asking and binding. */
async function onAFreePort(start) {
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await start(await freePort());
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

async function startRedis() {
  const bin = required(findRedis(), 'redis-server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-redis-'));
  const proc = await onAFreePort((port) =>
    startUntilReady(
      'redis-server',
      bin,
      // Nothing kept on disk, as on the project's machines; loopback only.
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
      /Ready to accept connections/,
    ).then((p) => ({ ...p, port })),
  );
  return {
    url: `redis://127.0.0.1:${proc.port}`,
    async stop() {
      await stopChild(proc, 'SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * initdb and postgres refuse to run as root: as root, they run as the `postgres` account
 * (which Debian's package creates), or as a system account made for this when that is missing.
 */
function unprivilegedAccount() {
  if (process.getuid?.() !== 0) return null;
  const account = (name) => {
    const id = (flag) => Number(execFileSync('id', [flag, name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
    try {
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      return null;
    }
  };
  const existing = account('postgres') ?? account('social-shift-test');
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'social-shift-test'], { stdio: 'inherit' });
  return account('social-shift-test');
}

async function startPostgres() {
  const binDir = required(postgresBinDir(), 'postgresql');
  const account = unprivilegedAccount();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-pg-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data, { mode: 0o700 });
  const as = account ? { uid: account.uid, gid: account.gid } : {};
  if (account) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dir]);
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  execFileSync(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...as,
    env,
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const proc = await onAFreePort((port) =>
    startUntilReady(
      'postgres',
      path.join(binDir, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
        // A throwaway cluster for tests: the tests stop nodes, never this server, so skipping
        // fsync costs nothing they check and saves the shared disk a lot of flushing.
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
      ],
      /ready to accept connections/,
      { ...as, env, cwd: dir },
    ).then((p) => ({ ...p, port })),
  );
  return {
    url: `postgres://postgres@127.0.0.1:${proc.port}/postgres`,
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended, no waiting for clients.
      await stopChild(proc, 'SIGINT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Returns the URLs to hand the tests and a stop() for whatever was started here.
 * `started` names the services this call started (empty when both URLs were given).
 */
export async function startServices(env = process.env) {
  const started = [];
  const stops = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((err) => console.error(err));
  };
  try {
    installMissing({ redis: !env.REDIS_URL, postgres: !env.DATABASE_URL });
    let REDIS_URL = env.REDIS_URL;
    if (REDIS_URL) await checkReachable('REDIS_URL', REDIS_URL);
    else {
      const redis = await startRedis();
      stops.push(redis.stop);
      started.push(`redis-server at ${redis.url}`);
      REDIS_URL = redis.url;
    }
    let DATABASE_URL = env.DATABASE_URL;
    if (DATABASE_URL) await checkReachable('DATABASE_URL', DATABASE_URL);
    else {
      const pg = await startPostgres();
      stops.push(pg.stop);
      started.push(`PostgreSQL at ${pg.url}`);
      DATABASE_URL = pg.url;
    }
    return { env: { REDIS_URL, DATABASE_URL }, started, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Deletes every key under `prefix` (a test's or a benchmark run's own), with `redis` an ioredis
 * client; SCAN in pages, so a shared Redis is never blocked.
 */
export async function deleteKeys(redis, prefix) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Starts a benchmark server child pinned to a core (taskset) and talks to it over IPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ServerKind = 'ours' | 'hocuspocus';

export interface ServerChild {
  kind: ServerKind;
  port: number;
  url: string;
  dataDir: string;
  child: ChildProcess;
  call<T = unknown>(type: string, extra?: Record<string, unknown>): Promise<T>;
  cpuMs(): Promise<number>;
  heap(): Promise<{ heapUsed: number; rss: number; external: number; arrayBuffers: number }>;
  /** The last of what the server printed (errors: it runs with LOG_LEVEL=error). */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export async function startServer(
  kind: ServerKind,
  opts: { core: string; cpuProfDir?: string; env?: Record<string, string>; nodeArgs?: string[] },
): Promise<ServerChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`));
  const nodeArgs = ['--expose-gc', '--import', 'tsx'];
  if (opts.nodeArgs) nodeArgs.push(...opts.nodeArgs);
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  const entry = path.join(ROOT, 'bench', 'servers', `${kind}.ts`);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    STATIC_DIR: path.join(dataDir, 'no-client'),
    // The benchmark creates hundreds of rooms, and joins and connects hundreds of phones, from one
    // address: the per-address limits are lifted (per-participant limits keep their defaults).
    CREATES_PER_MINUTE: '100000',
    MAX_CONNECTIONS_PER_ADDRESS: '100000',
    JOIN_BURST_PER_ADDRESS: '100000',
    JOINS_PER_MINUTE_PER_ADDRESS: '100000',
    MAX_PARTICIPANTS: '1000',
    ROOM_IDLE_UNLOAD_MS: '1500',
    // The bench drives the server past its knee on purpose: refusing new phones when the loop lags
    // (an operator's guard, server/ops/load.ts) would end a run instead of measuring it, and
    // Hocuspocus has no such guard. The heap guard stays.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...opts.env,
  };
  const child = spawn('taskset', ['-c', opts.core, process.execPath, ...nodeArgs, entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${out}`)), 30_000);
    child.on('message', (raw) => {
      const m = raw as { ready?: boolean; port?: number; id?: number; result?: unknown; error?: string };
      if (m.ready) {
        clearTimeout(timer);
        resolve(m.port!);
        return;
      }
      const w = waiting.get(m.id!);
      if (!w) return;
      waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      for (const w of waiting.values()) w.reject(new Error(`${kind} exited (${code}):\n${out.slice(-2000)}`));
      waiting.clear();
      reject(new Error(`${kind} exited (${code}):\n${out.slice(-2000)}`));
    });
  });
  const call = <T>(type: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, type, ...extra });
    });
  return {
    kind,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    child,
    call,
    async cpuMs() {
      const c = await call<{ user: number; system: number }>('cpu');
      return (c.user + c.system) / 1000;
    },
    heap: () => call('heap'),
    output: () => out.slice(-200_000),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        await Promise.race([call('stop'), new Promise((r) => setTimeout(r, 10_000))]);
      } catch {
        /* exited already */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Several nodes of one cluster seen as one server: CPU, heap and loaded rooms summed over the
 * nodes, threads named by node (`n0:main`), and `seed` (which writes to the shared storage)
 * run on the first node. Its `url` is the first node's.
 */
export function serverGroup(nodes: ServerChild[]): ServerChild {
  const first = nodes[0]!;
  const sum = (values: unknown[]) => (values as number[]).reduce((a, b) => a + b, 0);
  return {
    ...first,
    async call<T>(type: string, extra: Record<string, unknown> = {}): Promise<T> {
      if (type === 'seed') return first.call<T>(type, extra);
      if (type === 'profileStart' || type === 'profileStop' || type === 'snapshot') throw new Error(`${type}: not with several nodes`);
      const all = await Promise.all(nodes.map((n) => n.call(type, extra)));
      if (type === 'threads') {
        return Object.fromEntries(
          all.flatMap((byThread, i) => Object.entries(byThread as Record<string, number>).map(([name, ms]) => [`n${i}:${name}`, ms])),
        ) as T;
      }
      if (all.every((v) => typeof v === 'number')) return sum(all) as T;
      throw new Error(`${type}: no way to combine the nodes' answers`);
    },
    async cpuMs() {
      return sum(await Promise.all(nodes.map((n) => n.cpuMs())));
    },
    async heap() {
      const all = await Promise.all(nodes.map((n) => n.heap()));
      return {
        heapUsed: sum(all.map((h) => h.heapUsed)),
        rss: sum(all.map((h) => h.rss)),
        external: sum(all.map((h) => h.external)),
        arrayBuffers: sum(all.map((h) => h.arrayBuffers)),
      };
    },
    output: () => nodes.map((n, i) => `--- node ${i}\n${n.output()}`).join('\n'),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}

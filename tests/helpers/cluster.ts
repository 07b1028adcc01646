/** Several server processes sharing one PostgreSQL database and one Redis key prefix (cluster mode). */
import { startServerProcess, tempDir, type ServerProcess } from './server.ts';
import { testDatabase, testRedis, type TestRedis } from './services.ts';

export interface TestCluster {
  nodes: ServerProcess[];
  redis: TestRedis;
  env: Record<string, string>;
  /** Which node holds the room's lease now (its index in `nodes`), or null. */
  ownerOf(code: string): Promise<number | null>;
  /** Starts one more node on the same database and prefix. */
  add(): Promise<ServerProcess>;
  stop(): void;
}

export interface ClusterOptions {
  /** More environment for every node (limits, idle unload). */
  env?: Record<string, string>;
  /**
   * Environment of node `i` over the shared one, given the shared one: to put a node's Redis
   * or PostgreSQL behind a proxy that a test can cut (tcp-proxy.ts).
   */
  nodeEnv?: (i: number, env: Record<string, string>) => Record<string, string> | Promise<Record<string, string>>;
}

/** `count` nodes; a short lease, so a takeover fits in a test. */
export async function startCluster(count: number, leaseTtlMs = 4_000, opts: ClusterOptions = {}): Promise<TestCluster> {
  const [db, redis] = await Promise.all([testDatabase(), testRedis()]);
  const env = { REDIS_URL: redis.url, DATABASE_URL: db.url, REDIS_PREFIX: redis.prefix, LEASE_TTL_MS: String(leaseTtlMs), ...opts.env };
  // One after the other: the first creates the schema (the others would wait on its lock anyway).
  const nodes: ServerProcess[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startServerProcess(tempDir(), { ...env, ...(await opts.nodeEnv?.(i, env)) }));
  const pids = () => nodes.map((n) => n.child.pid);
  return {
    nodes,
    redis,
    env,
    async ownerOf(code) {
      const value = await redis.redis.get(`${redis.prefix}{room:${code}}:lease`);
      if (!value) return null;
      // "<epoch>:<host>:<pid>:<random>"
      const pid = Number(value.split(':')[2]);
      const i = pids().indexOf(pid);
      return i < 0 ? null : i;
    },
    async add() {
      const n = await startServerProcess(tempDir(), env);
      nodes.push(n);
      return n;
    },
    stop() {
      for (const n of nodes) {
        n.child.kill('SIGCONT');
        n.child.kill('SIGKILL');
      }
    },
  };
}

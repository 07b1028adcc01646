/** The child side of the benchmark's IPC: answers the parent's requests about this process. */
import fs from 'node:fs';
import v8 from 'node:v8';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
export type Handler = (msg: Record<string, unknown>) => unknown | Promise<unknown>;

const gc = (globalThis as { gc?: () => void }).gc;

let session: Session | null = null;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

export function serveIpc(handlers: Record<string, Handler>): void {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const base: Record<string, Handler> = {
    /** The event loop's delay since the last call, ms: how long the longest synchronous stretch held it. */
    loopDelay: () => {
      const out = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
      loop.reset();
      return out;
    },
    cpu: () => process.cpuUsage(),
    /**
     * CPU ms per thread of this process (Linux schedstat, nanoseconds), by `name/tid`; the main
     * thread is `main`: V8's and libuv's workers and any worker thread of the app show apart.
     */
    threads: () => {
      const out: Record<string, number> = {};
      for (const tid of fs.readdirSync('/proc/self/task')) {
        try {
          const name = Number(tid) === process.pid ? 'main' : `${fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim()}/${tid}`;
          out[name] = Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        } catch {
          /* the thread ended */
        }
      }
      return out;
    },
    heap: async () => {
      // Settle, then collect twice so the figure is live objects only.
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 20));
        gc?.();
      }
      const m = process.memoryUsage();
      return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers };
    },
    snapshot: (msg) => {
      gc?.();
      return v8.writeHeapSnapshot(msg.file as string);
    },
    /** CPU profile of a window of the run (the steady load phases), not of start-up and setup. */
    profileStart: async () => {
      session ??= new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return true;
    },
    /** Sampling heap profile (what allocates, by bytes) of a window of the run. */
    allocStart: async () => {
      session ??= new Session();
      session.connect();
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return true;
    },
    allocStop: async (msg) => {
      const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
      fs.writeFileSync(msg.file as string, JSON.stringify(profile));
      session!.disconnect();
      return true;
    },
    profileStop: async (msg) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(msg.file as string, JSON.stringify(profile));
      session!.disconnect();
      return true;
    },
  };
  process.on('message', (raw) => {
    const msg = raw as { id: number; type: string } & Record<string, unknown>;
    const h = handlers[msg.type] ?? base[msg.type];
    void (async () => {
      try {
        const result = h ? await h(msg) : { error: `unknown ${msg.type}` };
        process.send?.({ id: msg.id, result });
      } catch (err) {
        process.send?.({ id: msg.id, error: String(err) });
      }
    })();
  });
  process.on('disconnect', () => process.exit(0));
}

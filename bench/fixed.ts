/**
 * One shape at one fixed load, repeated: CPU per delivered update of each server, phase by
 * phase, for before/after comparisons of a change (the ladder of `npm run bench` moves its fixed
 * load with the knees, and its 0.8 s rungs are short). Servers alternate, ours then theirs, and
 * each runs the same phases. `--syscalls` prints the server's pid before the phases and waits
 * for a line on stdin, so `strace -c -f -p PID` or `perf` can be attached. `--perf DIR` records
 * each server with `perf record` over every phase after the first and prints CPU per edit by what
 * it was spent on (bench/perf-buckets.mjs).
 *
 *   node --import tsx bench/fixed.ts [--shape 100x5] [--load 500] [--seconds 4] [--phases 3]
 *     [--runs 2] [--only ours|hocuspocus] [--syscalls] [--profile FILE.cpuprofile] [--trace-gc] [--alloc FILE.heapprofile] [--perf-map] [--perf DIR]
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import readline from 'node:readline/promises';
import { startServer, type ServerKind } from './proc.ts';
import { hocuspocusTarget, oursTarget } from './targets.ts';
import { runPhase, setupShape, waitRooms, warmUp } from './workload.ts';
import { fixtureContent, sharedFixture, type FixtureOptions } from './fixture.ts';
import { SHAPES } from './ladder.ts';
import { median } from './stats.ts';

if (!process.env.BENCH_PINNED) {
  const r = spawnSync('taskset', ['-c', '1', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const shape = SHAPES.find((s) => s.name === opt('shape', '100x5'));
if (!shape) throw new Error(`--shape is one of ${SHAPES.map((s) => s.name).join(', ')}`);
const load = Number(opt('load', '500'));
const seconds = Number(opt('seconds', '4'));
const phases = Number(opt('phases', '3'));
const runs = Number(opt('runs', '2'));
const only = argv.includes('--only') ? (opt('only', 'ours') as ServerKind) : undefined;
const pause = argv.includes('--syscalls');
/** Our server's CPU profile over every phase after the first (the first warms the code). */
const profile = argv.includes('--profile') ? opt('profile', '') : undefined;
/** Our server runs with --trace-gc, and its collections of 10 ms or more are printed after each phase. */
const traceGc = argv.includes('--trace-gc');
/** Our server's sampling heap profile (allocations by site) over every phase after the first. */
const alloc = argv.includes('--alloc') ? opt('alloc', '') : undefined;
/** Both servers write /tmp/perf-PID.map, so `perf record` names their JavaScript frames. */
const perfDir = argv.includes('--perf') ? opt('perf', '') : undefined;
const perfMap = argv.includes('--perf-map') || perfDir !== undefined;

const FIXTURE: FixtureOptions = { seed: 42 };
const content = fixtureContent(FIXTURE);
const board = sharedFixture(content);
const cards = content.reduce((n, p) => n + p.cards.length, 0);

const perDelivery: Record<string, number[]> = { ours: [], hocuspocus: [] };

console.log(
  `${shape.name} at ${load}/s, ${phases} phases of ${seconds} s, ${runs} runs; load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (let run = 1; run <= runs; run++) {
  for (const kind of only ? [only] : (['ours', 'hocuspocus'] as ServerKind[])) {
    const nodeArgs = [...(traceGc && kind === 'ours' ? ['--trace-gc'] : []), ...(perfMap ? ['--perf-basic-prof'] : [])];
    const server = await startServer(kind, { core: '0', nodeArgs });
    const target = kind === 'ours' ? oursTarget(server, FIXTURE, cards) : hocuspocusTarget(server, board, cards);
    const s = await setupShape(target, shape.rooms, shape.perRoom, shape.observers);
    try {
      await warmUp(target, s, run);
      if (pause) {
        console.log(`${kind} server pid ${server.child.pid}: attach, then press enter`);
        const rl = readline.createInterface({ input: process.stdin });
        await rl.question('');
        rl.close();
      }
      let perf: ChildProcess | null = null;
      let perfEdits = 0;
      for (let k = 0; k < phases; k++) {
        // perf over every phase after the first (the first warms the code), all threads of the server.
        if (perfDir && k === 1) {
          perf = spawn(
            'perf',
            [
              'record',
              '-q',
              '-e',
              'cpu-clock',
              '-F',
              '1999',
              '-g',
              '-p',
              String(server.child.pid),
              '-o',
              path.join(perfDir, `${kind}-${run}.data`),
            ],
            { stdio: 'ignore' },
          );
          await new Promise((r) => setTimeout(r, 300));
        }
        if (profile && kind === 'ours' && k === 1) await server.call('profileStart');
        if (alloc && kind === 'ours' && k === 1) await server.call('allocStart');
        const cpu0 = await server.call<NodeJS.CpuUsage>('cpu');
        const threads0 = await server.call<Record<string, number>>('threads');
        await server.call('loopDelay');
        const r = await runPhase(target, s, `fixed${k}`, load, seconds * 1000, 2000, run * 100 + k);
        const cpu1 = await server.call<NodeJS.CpuUsage>('cpu');
        const threads1 = await server.call<Record<string, number>>('threads');
        const serverLoop = await server.call<{ p99: number; max: number }>('loopDelay');
        perDelivery[kind]!.push(r.cpuUsPerDelivery);
        if (perf) perfEdits += r.edits;
        if (traceGc && kind === 'ours') {
          const long = server
            .output()
            .split('\n')
            .filter((l) => / (\d{2,}\.\d+) \/ [\d.]+ ms/.test(l));
          console.log(
            `    collections of 10 ms or more so far: ${long.length}${long.length ? `, last: ${long[long.length - 1]!.trim()}` : ''}`,
          );
        }
        // Where the CPU went, per edit: user and kernel time, the main thread and the others (GC, JIT, libuv).
        const perEdit = (ms: number) => ((ms * 1000) / Math.max(1, r.edits)).toFixed(0);
        const main = (threads1.main ?? 0) - (threads0.main ?? 0);
        const others = Object.entries(threads1)
          .filter(([name]) => name !== 'main')
          .reduce((n, [name, ms]) => n + ms - (threads0[name] ?? ms), 0);
        console.log(
          `  ${kind} #${run}.${k}: ${r.cpuUsPerDelivery.toFixed(2)} us/delivered update, ${r.cpuUsPerEdit.toFixed(1)} us/edit ` +
            `(user ${perEdit((cpu1.user - cpu0.user) / 1000)}, system ${perEdit((cpu1.system - cpu0.system) / 1000)}; main thread ${perEdit(main)}, other threads ${perEdit(others)}), ` +
            `p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} max ${r.max.toFixed(1)} ms, loop delay max: server ${serverLoop.max.toFixed(1)}, generator ${r.genLoopMaxMs.toFixed(1)} ms, gen ${(r.genCpuShare * 100).toFixed(0)}%, late ${r.late}`,
        );
      }
      if (perf) {
        const stopped = new Promise((r) => perf!.once('exit', r));
        perf.kill('SIGINT');
        await stopped;
        const file = path.join(perfDir!, `${kind}-${run}.data`);
        console.log(`  ${kind} #${run}: CPU per edit by what it was spent on (perf, phases 2-${phases}, ${perfEdits} edits):`);
        console.log(
          execFileSync(process.execPath, [path.join(import.meta.dirname, 'perf-buckets.mjs'), file, String(perfEdits)], {
            encoding: 'utf8',
          }).replace(/^/gm, '    '),
        );
      }
      if (profile && kind === 'ours' && phases > 1) await server.call('profileStop', { file: profile });
      if (alloc && kind === 'ours' && phases > 1) await server.call('allocStop', { file: alloc });
    } finally {
      s.close();
      await waitRooms(target, 0).catch(() => {});
      await server.stop();
    }
  }
}
const mo = median(perDelivery.ours!);
const mt = median(perDelivery.hocuspocus!);
console.log(
  `median us/delivered update: ours ${mo.toFixed(2)}, hocuspocus ${mt.toFixed(2)}${Number.isFinite(mo / mt) ? `, ratio ${(mo / mt).toFixed(3)}` : ''}`,
);

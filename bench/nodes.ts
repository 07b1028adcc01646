/**
 * `npm run bench -- --nodes N [--quick] [--runs R] [--shapes ...] [--no-sqlite]`: our server as
 * one node against N nodes of the same cluster, the same workload (bench/workload.ts) on both.
 *
 * Arms, interleaved run by run (medians reported):
 * - `cluster1`: one node in cluster mode (Redis + PostgreSQL), so storage is the same as with N;
 * - `clusterN`: N nodes on one database and key prefix, node i pinned to core i (taskset);
 *   each room's phones go to the nodes round-robin (bench/targets.ts), so some reach a node
 *   that does not own their room and are forwarded to its owner, as behind a load balancer
 *   without sticky sessions;
 * - `sqlite` (reference, `--no-sqlite` leaves it out): one node with the embedded SQLite, as
 *   `npm run bench` measures it.
 * One-node arms: the node on core 0, the generator on the other cores. N nodes: the generator
 * on the cores no node has, or on every core when there are none (a 2-core machine with 2
 * nodes); its CPU share is measured and reported either way. Redis and PostgreSQL are not
 * pinned. Each arm of each run gets its own database and key prefix (bench/services.ts).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fmt, ladder, MODES, runShape, shapesNamed, type ShapeDef, type ShapeResult } from './ladder.ts';
import { serverGroup, startServer, type ServerChild } from './proc.ts';
import { benchServices, runStore, type BenchServices } from './services.ts';
import { oursTarget } from './targets.ts';
import { joinStorm, waitRooms, type PhaseResult } from './workload.ts';
import { fixtureContent, type FixtureOptions } from './fixture.ts';
import { geomean, median, round } from './stats.ts';

export interface NodesOptions {
  nodes: number;
  quick: boolean;
  runs?: number;
  shapes?: string;
  sqlite: boolean;
}

interface Arm {
  name: string;
  nodes: number;
  cluster: boolean;
}

interface ArmRun {
  arm: string;
  run: number;
  join: Awaited<ReturnType<typeof joinStorm>>;
  shapes: Record<string, ShapeResult>;
}

const log = (...a: unknown[]) => console.log(...a);
/**
 * Rooms unload 10 s after their last connection here (1.5 s in the ours/Hocuspocus run). With
 * 1.5 s, a PostgreSQL-backed room of 150 unloads while its phones' HTTP joins are still coming
 * in (joins do not keep a room loaded, and compacting 150 documents on PostgreSQL takes
 * seconds), is loaded again under a newer epoch, and joins and phones that reached the old
 * instance lose their writes to the fence: a server race reported with this benchmark, not
 * something the comparison should measure. Every arm gets the same setting.
 */
const UNLOAD = { ROOM_IDLE_UNLOAD_MS: '10000' };
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Node i's core, and the generator's cores (the ones no node has, else all of them). */
function placement(nodes: number, nproc: number): { nodeCores: string[]; generator: string; ownCore: boolean } {
  const nodeCores = range(0, nodes).map((i) => String(i % nproc));
  const free = range(nodes, nproc);
  return { nodeCores, generator: (free.length ? free : range(0, nproc)).join(','), ownCore: free.length > 0 };
}

/** Moves this process (every thread) to these cores. */
function pinGenerator(cores: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

export async function runNodes(opts: NodesOptions): Promise<number> {
  const started = Date.now();
  const mode = MODES[opts.quick ? 'quick' : 'full'];
  const runs = opts.runs ?? (opts.quick ? 2 : 3);
  const shapes = shapesNamed(opts.shapes);
  const nproc = os.cpus().length;
  const N = opts.nodes;
  const arms: Arm[] = [
    ...(opts.sqlite ? [{ name: 'sqlite', nodes: 1, cluster: false }] : []),
    { name: 'cluster1', nodes: 1, cluster: true },
    { name: `cluster${N}`, nodes: N, cluster: true },
  ];
  const one = placement(1, nproc);
  const many = placement(N, nproc);
  const machine = { nproc, cpu: os.cpus()[0]?.model ?? '?', node: process.version, loadStart: os.loadavg().map((x) => round(x, 2)) };
  log(
    `bench --nodes ${N}: ${opts.quick ? 'quick' : 'full'} mode, ${runs} runs per arm (${arms.map((a) => a.name).join(', ')}), shapes ${shapes.map((s) => s.name).join(', ')}`,
  );
  log(`machine: ${nproc} cores, ${machine.cpu}, node ${machine.node}, load ${machine.loadStart.join(' ')}`);
  log(
    `placement: 1 node on core ${one.nodeCores[0]}, generator on ${one.generator}; ${N} nodes on cores ${many.nodeCores.join(',')}, generator on ${many.generator}${many.ownCore ? '' : ' (no core of its own: it takes CPU from the nodes, and its share is reported)'}; Redis and PostgreSQL unpinned`,
  );
  if (N > nproc) log(`WARNING: ${N} nodes on ${nproc} cores: nodes share cores`);

  const services: BenchServices = await benchServices();
  log(
    `services: Redis ${services.redisUrl}, PostgreSQL ${services.adminUrl.replace(/\/[^/]*$/, '/…')}${services.started.length ? ` (started here: ${services.started.join(', ')})` : ''}`,
  );
  const FIXTURE: FixtureOptions = { seed: 42 };
  const fixtureCards = fixtureContent(FIXTURE).reduce((n, p) => n + p.cards.length, 0);

  const results: ArmRun[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const arm of arms) results.push(await armRun(arm, run));
    }
  } finally {
    await services.stop();
  }

  async function armRun(arm: Arm, run: number): Promise<ArmRun> {
    const place = arm.nodes === 1 ? one : many;
    pinGenerator(place.generator);
    const store = arm.cluster ? await runStore(services) : null;
    const children: ServerChild[] = [];
    try {
      // One after the other: the first creates the schema.
      for (const core of place.nodeCores) children.push(await startServer('ours', { core, env: { ...UNLOAD, ...store?.env } }));
      const server = children.length === 1 ? children[0]! : serverGroup(children);
      const target = {
        ...oursTarget(
          server,
          FIXTURE,
          fixtureCards,
          children.map((c) => c.url),
        ),
        ...(store ? { sideCpuMs: store.cpuMs } : {}),
      };
      log(
        `  [${arm.name} #${run}] load ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      const join = await joinStorm(target, mode.joins);
      await waitRooms(target, 0);
      log(
        `    join ${mode.joins}: p50 ${fmt(join.p50, 0)} p99 ${fmt(join.p99, 0)} ms (server CPU ${fmt(join.serverCpuMs, 0)} ms summed over nodes, generator ${fmt(join.genCpuMs, 0)} ms in ${fmt(join.wallMs, 0)} ms)${join.ok ? '' : ' JOINER DID NOT GET THE BOARD'}`,
      );
      const byShape: Record<string, ShapeResult> = {};
      for (const s of shapes) {
        const onReady = async () => {
          if (children.length > 1)
            log(`    ${s.name} rooms owned per node: ${(await Promise.all(children.map((c) => c.call<number>('rooms')))).join(' / ')}`);
        };
        byShape[s.name] = await runShape(target, s, run * 1000, { mode, log, onReady });
      }
      return { arm: arm.name, run, join, shapes: byShape };
    } catch (err) {
      for (const [i, c] of children.entries()) log(`--- what node ${i} printed:\n${c.output()}`);
      throw err;
    } finally {
      await Promise.all(children.map((c) => c.stop()));
      await store?.drop();
    }
  }

  // ------------------------------------------------------------------ aggregate
  const of = (arm: string) => results.filter((r) => r.arm === arm);
  const med = (arm: string, f: (r: ArmRun) => number) => median(of(arm).map(f));
  const c1 = 'cluster1';
  const cN = `cluster${N}`;
  const names = arms.map((a) => a.name);
  /** The highest rung at most half of every arm's median knee: the same load for all arms. */
  const fixedRung = (s: ShapeDef) => {
    const limit = 0.5 * Math.min(...names.map((a) => med(a, (r) => r.shapes[s.name]!.knee)).filter(Number.isFinite));
    let k = 0;
    while (ladder(mode, s, k + 1) <= limit) k++;
    return k;
  };
  const at = (arm: string, s: ShapeDef, k: number, f: (p: PhaseResult) => number) =>
    med(arm, (r) => (r.shapes[s.name]!.steps[k] ? f(r.shapes[s.name]!.steps[k]!) : NaN));
  const deliveries = (p: PhaseResult) => (p.serverCpuMs * 1000) / p.cpuUsPerDelivery;
  const sideUs = (name: string) => (p: PhaseResult) => ((p.sideCpuMs?.[name] ?? NaN) * 1000) / deliveries(p);
  /** The generator's busiest rung at or below the knee (a rung past it is the server's collapse, not the generator's). */
  const genPeak = (r: ArmRun, s: ShapeDef) =>
    Math.max(...r.shapes[s.name]!.steps.filter((p) => p.load <= r.shapes[s.name]!.knee).map((p) => p.genCpuShare));

  type ByArm = Record<string, number>;
  const perShape: Record<string, { fixedLoad: number } & Record<string, ByArm | number>> = {};
  for (const s of shapes) {
    const k = fixedRung(s);
    const each = (f: (arm: string) => number): ByArm => Object.fromEntries(names.map((a) => [a, f(a)]));
    perShape[s.name] = {
      fixedLoad: ladder(mode, s, k),
      knee: each((a) => med(a, (r) => r.shapes[s.name]!.knee)),
      p50: each((a) => at(a, s, k, (p) => p.p50)),
      p99: each((a) => at(a, s, k, (p) => p.p99)),
      halfKneeP99: each((a) => med(a, (r) => r.shapes[s.name]!.half.p99)),
      cpuUsPerDelivery: each((a) => at(a, s, k, (p) => p.cpuUsPerDelivery)),
      redisUsPerDelivery: each((a) => at(a, s, k, sideUs('redis'))),
      postgresUsPerDelivery: each((a) => at(a, s, k, sideUs('postgres'))),
      genCpuShare: each((a) => at(a, s, k, (p) => p.genCpuShare)),
      genCpuSharePeak: each((a) => med(a, (r) => genPeak(r, s))),
    };
  }
  const v = (shape: string, key: string) => perShape[shape]![key] as ByArm;
  const ratioOver = (key: string) => geomean(shapes.map((s) => v(s.name, key)[cN]! / v(s.name, key)[c1]!));
  const converged = results.every((r) => r.join.ok && Object.values(r.shapes).every((s) => s.check.converged));
  const join = (f: (j: ArmRun['join']) => number) => Object.fromEntries(names.map((a) => [a, med(a, (r) => f(r.join))]));
  const joinP99 = join((j) => j.p99);
  const joinP50 = join((j) => j.p50);
  const joinCpu = join((j) => j.serverCpuMs);
  const joinGen = join((j) => j.genCpuMs / j.wallMs);
  const r2 = (o: ByArm) => Object.fromEntries(Object.entries(o).map(([a, x]) => [a, round(x, 2)]));
  const byShapeKey = (key: string) => Object.fromEntries(shapes.map((s) => [s.name, r2(v(s.name, key))]));

  // ------------------------------------------------------------------ print
  const head = names.map((a) => (a === 'sqlite' ? 'SQLite, 1 node' : a === c1 ? 'cluster, 1 node' : `cluster, ${N} nodes`));
  log('');
  log(`| metric (medians of ${runs}) | ${head.join(' | ')} | ${N} nodes / 1 node |`);
  log(`|---|${names.map(() => '---|').join('')}---|`);
  const row = (label: string, values: ByArm, d = 2, ratio = true) =>
    log(
      `| ${label} | ${names.map((a) => fmt(values[a]!, d)).join(' | ')} | ${ratio && Number.isFinite(values[cN]! / values[c1]!) ? fmt(values[cN]! / values[c1]!, 2) : ''} |`,
    );
  const pct = (o: ByArm) => Object.fromEntries(Object.entries(o).map(([a, x]) => [a, x * 100]));
  for (const s of shapes) {
    const f = perShape[s.name]!.fixedLoad;
    row(`${s.name} knee, edits/s (p99 > 50 ms)`, v(s.name, 'knee'), 0);
    row(`${s.name} p50 ms @ ${f}/s`, v(s.name, 'p50'));
    row(`${s.name} p99 ms @ ${f}/s`, v(s.name, 'p99'));
    row(`${s.name} p99 ms @ half own knee`, v(s.name, 'halfKneeP99'));
    row(`${s.name} node CPU us/delivered update @ ${f}/s (all nodes)`, v(s.name, 'cpuUsPerDelivery'));
    row(`${s.name} Redis CPU us/delivered update @ ${f}/s`, v(s.name, 'redisUsPerDelivery'));
    row(`${s.name} PostgreSQL CPU us/delivered update @ ${f}/s`, v(s.name, 'postgresUsPerDelivery'));
    row(`${s.name} generator CPU, % of a core @ ${f}/s`, pct(v(s.name, 'genCpuShare')), 0, false);
    row(`${s.name} generator CPU, % of a core, busiest rung up to the knee`, pct(v(s.name, 'genCpuSharePeak')), 0, false);
  }
  row(`join ${mode.joins} phones, 160 KB board: p50 ms`, joinP50, 0);
  row(`join ${mode.joins} phones, 160 KB board: p99 ms`, joinP99, 0);
  row(`join ${mode.joins}: node CPU ms (all nodes)`, joinCpu, 0);
  row(`join ${mode.joins}: generator CPU, % of a core`, pct(joinGen), 0, false);
  log('');
  const throughputRatio = ratioOver('knee');
  log(
    `${N} nodes / 1 node (both on Redis + PostgreSQL): knee x${fmt(throughputRatio, 2)} (geometric mean over ${shapes.length} shapes), node CPU per delivered update x${fmt(ratioOver('cpuUsPerDelivery'), 2)}, join p99 x${fmt(joinP99[cN]! / joinP99[c1]!, 2)}.`,
  );
  if (!many.ownCore) {
    log(
      `NOTE: ${nproc} cores and ${N} nodes: the generator had no core of its own in the ${N}-node arm (peak ${fmt(Math.max(...shapes.map((s) => v(s.name, 'genCpuSharePeak')[cN]!)) * 100, 0)}% of a core), and Redis and PostgreSQL share the same cores: the ${N}-node figures are a floor, not what ${N} machines give.`,
    );
  }
  log(`converged (no edit lost, duplicated or refused; all docs equal): ${converged}`);
  const summary = {
    mode: 'nodes',
    nodes: N,
    quick: opts.quick,
    runsPerArm: runs,
    converged,
    throughputRatio: round(throughputRatio, 3),
    cpuPerUpdateRatio: round(ratioOver('cpuUsPerDelivery'), 3),
    join200P99Ratio: round(joinP99[cN]! / joinP99[c1]!, 3),
    kneeEditsPerS: byShapeKey('knee'),
    fixedLoad: Object.fromEntries(shapes.map((s) => [s.name, perShape[s.name]!.fixedLoad])),
    p99Ms: byShapeKey('p99'),
    p99MsHalfKnee: byShapeKey('halfKneeP99'),
    cpuUsPerDelivery: byShapeKey('cpuUsPerDelivery'),
    redisUsPerDelivery: byShapeKey('redisUsPerDelivery'),
    postgresUsPerDelivery: byShapeKey('postgresUsPerDelivery'),
    generatorCpuShare: byShapeKey('genCpuShare'),
    generatorCpuSharePeak: byShapeKey('genCpuSharePeak'),
    join200P99Ms: r2(joinP99),
    join200CpuMs: r2(joinCpu),
    placement: {
      oneNode: { node: one.nodeCores[0], generator: one.generator },
      nodes: { nodes: many.nodeCores.join(','), generator: many.generator, generatorOwnCore: many.ownCore },
    },
    machine: { ...machine, loadEnd: os.loadavg().map((x) => round(x, 2)) },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  log(JSON.stringify(summary));
  return converged ? 0 : 1;
}

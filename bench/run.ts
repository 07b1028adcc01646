/**
 * `npm run bench [-- --quick] [-- --runs N] [-- --no-client] [-- --only ours|hocuspocus] [-- --shapes 100x5,20x25]
 *   [-- --skip-idle] [-- --profile DIR (our load phases)] [-- --cpu-prof DIR (node --cpu-prof on our whole child)]`
 * `npm run bench -- --nodes N [--quick] [--runs R] [--shapes ...] [--no-sqlite]`: one node against N (bench/nodes.ts).
 *
 * Our server and Hocuspocus 3.x, each a child process pinned to core 0
 * (taskset), the load generator pinned to core 1, runs interleaved
 * (ours, theirs, ours, theirs...), medians reported. The last line printed is
 * one JSON object with the figures. Exits 1 when an edit was lost, duplicated
 * or refused, or a document did not converge.
 */
import { spawnSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerKind } from './proc.ts';
import { hocuspocusTarget, oursTarget, type Target } from './targets.ts';
import { idleParticipants, idleRooms, joinStorm, waitRooms, type PhaseResult } from './workload.ts';
import { fmt, KNEE_MS, ladder as ladderOf, MODES, runShape, shapesNamed, type ShapeResult } from './ladder.ts';
import { fixtureContent, sharedFixture, type FixtureOptions } from './fixture.ts';
import { geomean, median, round } from './stats.ts';

const SERVER_CORE = '0';
const GENERATOR_CORE = '1';

// ------------------------------------------------------------------ pin the generator
if (!process.env.BENCH_PINNED) {
  const r = spawnSync('taskset', ['-c', GENERATOR_CORE, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('quick');
const MODE = MODES[quick ? 'quick' : 'full'];
const runs = Number(opt('runs') ?? MODE.runs);
const only = opt('only') as ServerKind | undefined;
const profileDir = opt('profile');
const SHAPES = shapesNamed(opt('shapes'));
const ladder = (s: (typeof SHAPES)[number], k: number) => ladderOf(MODE, s, k);

// ------------------------------------------------------------------ one node against N (bench/nodes.ts)
if (opt('nodes') !== undefined) {
  const nodes = Number(opt('nodes'));
  if (!Number.isInteger(nodes) || nodes < 2) throw new Error(`--nodes takes a whole number of nodes, 2 or more (got ${opt('nodes')})`);
  const { runNodes } = await import('./nodes.ts');
  const runsOpt = opt('runs');
  const shapesOpt = opt('shapes');
  process.exit(
    await runNodes({
      nodes,
      quick,
      sqlite: !flag('no-sqlite'),
      ...(runsOpt ? { runs: Number(runsOpt) } : {}),
      ...(shapesOpt ? { shapes: shapesOpt } : {}),
    }),
  );
}

interface RunResult {
  kind: ServerKind;
  run: number;
  idleParticipantKB: number;
  idleRoomMB: number;
  emptyRoomUnloaded: boolean;
  join: Awaited<ReturnType<typeof joinStorm>>;
  shapes: Record<string, ShapeResult>;
}

const log = (...a: unknown[]) => console.log(...a);

async function oneRun(kind: ServerKind, run: number): Promise<RunResult> {
  const cpuProf = opt('cpu-prof');
  const server = await startServer(kind, { core: SERVER_CORE, ...(cpuProf && kind === 'ours' ? { cpuProfDir: cpuProf } : {}) });
  const target = kind === 'ours' ? oursTarget(server, FIXTURE, fixtureCards) : hocuspocusTarget(server, board, fixtureCards);
  try {
    log(
      `  [${kind} #${run}] load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const skipIdle = flag('skip-idle');
    const idleParticipantKB = skipIdle ? NaN : await idleParticipants(target, MODE.idleN);
    const rooms = skipIdle ? { perRoomMB: NaN, unloaded: true } : await idleRooms(target, MODE.idleRooms);
    const profileJoin = profileDir && kind === 'ours' && !skipIdle;
    const join = skipIdle
      ? { p50: NaN, p99: NaN, max: NaN, bytesPerJoin: NaN, ok: true, wallMs: NaN, serverCpuMs: NaN, genCpuMs: NaN }
      : await joinStorm(target, MODE.joins, profileJoin ? path.join(profileDir, `ours-join-${Date.now()}.cpuprofile`) : undefined);
    await waitRooms(target, 0);
    log(
      `    idle participant ${fmt(idleParticipantKB)} KB, idle loaded room ${fmt(rooms.perRoomMB, 2)} MB (empty unloaded: ${rooms.unloaded}); join ${MODE.joins}: p50 ${fmt(join.p50, 0)} p99 ${fmt(join.p99, 0)} ms, ${fmt(join.bytesPerJoin / 1024, 1)} KB/join (server CPU ${fmt(join.serverCpuMs, 0)} ms, generator ${fmt(join.genCpuMs, 0)} ms in ${fmt(join.wallMs, 0)} ms)${join.ok ? '' : ' JOINER DID NOT GET THE BOARD'}`,
    );
    const shapes: Record<string, ShapeResult> = {};
    for (const s of SHAPES)
      shapes[s.name] = await runShape(target, s, run * 1000, { mode: MODE, log, ...(profileDir ? { profileDir } : {}) });
    return { kind, run, idleParticipantKB, idleRoomMB: rooms.perRoomMB, emptyRoomUnloaded: rooms.unloaded, join, shapes };
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------ main
const started = Date.now();
const machine = {
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? '?',
  node: process.version,
  loadStart: os.loadavg().map((x) => round(x, 2)),
};
log(
  `bench: ${quick ? 'quick' : 'full'} mode, ${runs} runs per server, servers on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}`,
);
log(`machine: ${machine.nproc} cores, ${machine.cpu}, node ${machine.node}, load ${machine.loadStart.join(' ')}`);
const yjsCopies = execSync('npm ls yjs --all --parseable 2>/dev/null || true', { encoding: 'utf8' })
  .trim()
  .split('\n')
  .filter(Boolean).length;
log(`yjs copies in node_modules: ${yjsCopies}`);

const FIXTURE: FixtureOptions = { seed: 42 };
const content = fixtureContent(FIXTURE);
const board = sharedFixture(content);
const fixtureCards = content.reduce((n, p) => n + p.cards.length, 0);
log(
  `board fixture: ${content.length} participants, ${fixtureCards} cards; ${(board.byteLength / 1024).toFixed(1)} KB as one shared document`,
);

const results: RunResult[] = [];
const kinds: ServerKind[] = only ? [only] : ['ours', 'hocuspocus'];
for (let run = 1; run <= runs; run++) {
  for (const kind of kinds) results.push(await oneRun(kind, run));
}

// ------------------------------------------------------------------ client build and Lighthouse (ours only)
let client: { jsGzipKB: number; jsRawKB: number; files: string[] } | null = null;
let lh: { score: number; fcpMs: number; lcpMs: number; tbtMs: number } | null = null;
if (!flag('no-client')) {
  const { buildClient, participantJs } = await import('./client-size.ts');
  const outDir = buildClient();
  client = participantJs(outDir);
  log(`participant JS: ${client.files.join(', ')} = ${fmt(client.jsGzipKB, 1)} KB gzipped (${fmt(client.jsRawKB, 1)} KB raw)`);
  const { lighthouseScore } = await import('./lighthouse.ts');
  const server = await startServer('ours', { core: SERVER_CORE, env: { STATIC_DIR: outDir } });
  try {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Lighthouse' }),
    });
    const { code } = (await res.json()) as { code: string };
    const scores = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) scores.push(await lighthouseScore(`${server.url}/j/${code}`));
    scores.sort((a, b) => a.score - b.score);
    lh = scores[scores.length >> 1]!;
    log(`lighthouse mobile performance: ${lh.score} (FCP ${fmt(lh.fcpMs, 0)} ms, LCP ${fmt(lh.lcpMs, 0)} ms, TBT ${fmt(lh.tbtMs, 0)} ms)`);
  } finally {
    await server.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ aggregate
const of = (kind: ServerKind) => results.filter((r) => r.kind === kind);
const med = (kind: ServerKind, f: (r: RunResult) => number) => median(of(kind).map(f));
const perShape: Record<string, Record<string, number>> = {};
for (const s of SHAPES) {
  const kOurs = med('ours', (r) => r.shapes[s.name]!.knee);
  const kTheirs = med('hocuspocus', (r) => r.shapes[s.name]!.knee);
  // The common fixed load: the highest rung both servers carry at no more than half their knee.
  const limit = 0.5 * Math.min(...[kOurs, kTheirs].filter(Number.isFinite));
  let k = 0;
  while (ladder(s, k + 1) <= limit) k++;
  const at = (kind: ServerKind, f: (p: PhaseResult) => number) =>
    median(
      of(kind).map((r) => {
        const st = r.shapes[s.name]!.steps[k];
        return st ? f(st) : NaN;
      }),
    );
  perShape[s.name] = {
    fixedLoad: ladder(s, k),
    oursKnee: kOurs,
    theirsKnee: kTheirs,
    oursP50: at('ours', (p) => p.p50),
    oursP99: at('ours', (p) => p.p99),
    theirsP50: at('hocuspocus', (p) => p.p50),
    theirsP99: at('hocuspocus', (p) => p.p99),
    oursCpuUs: at('ours', (p) => p.cpuUsPerDelivery),
    theirsCpuUs: at('hocuspocus', (p) => p.cpuUsPerDelivery),
    oursBytesPerEdit: at('ours', (p) => p.bytesPerEdit),
    theirsBytesPerEdit: at('hocuspocus', (p) => p.bytesPerEdit),
    oursHalfP50: med('ours', (r) => r.shapes[s.name]!.half.p50),
    oursHalfP99: med('ours', (r) => r.shapes[s.name]!.half.p99),
    theirsHalfP50: med('hocuspocus', (r) => r.shapes[s.name]!.half.p50),
    theirsHalfP99: med('hocuspocus', (r) => r.shapes[s.name]!.half.p99),
    oursIdleCpuMsPerS: med('ours', (r) => r.shapes[s.name]!.idleCpuMsPerS),
    theirsIdleCpuMsPerS: med('hocuspocus', (r) => r.shapes[s.name]!.idleCpuMsPerS),
    // Map before the reveal (ours: nobody else receives the edit) against the same edits revealed, at the first rung.
    privateLoad: ladder(s, 0),
    oursPrivateCpuUsPerEdit: med('ours', (r) => r.shapes[s.name]!.private?.cpuUsPerEdit ?? NaN),
    oursRevealedCpuUsPerEdit: med('ours', (r) => r.shapes[s.name]!.steps[0]!.cpuUsPerEdit),
    theirsCpuUsPerEdit: med('hocuspocus', (r) => r.shapes[s.name]!.steps[0]!.cpuUsPerEdit),
    oursPrivateBytesPerEdit: med('ours', (r) => r.shapes[s.name]!.private?.bytesPerEdit ?? NaN),
    oursRevealedBytesPerEdit: med('ours', (r) => r.shapes[s.name]!.steps[0]!.bytesPerEdit),
    theirsBytesPerEditAtPrivateLoad: med('hocuspocus', (r) => r.shapes[s.name]!.steps[0]!.bytesPerEdit),
    oursPrivateAckP50: med('ours', (r) => r.shapes[s.name]!.private?.ackP50 ?? NaN),
    oursPrivateAckP99: med('ours', (r) => r.shapes[s.name]!.private?.ackP99 ?? NaN),
  };
}
const shapeVals = (key: string) => SHAPES.map((s) => perShape[s.name]![key]!);
const ratio = (a: number[], b: number[]) => geomean(a.map((x, i) => x / b[i]!));
const converged = results.every((r) => r.join.ok && Object.values(r.shapes).every((s) => s.check.converged));
const genBound = results.some((r) => Object.values(r.shapes).some((s) => s.genBound));
/** Where the generator passed 90% of its core below the knee: those knees are partly the generator's. */
const genBoundWhere = results.flatMap((r) =>
  Object.entries(r.shapes)
    .filter(([, s]) => s.genBound)
    .map(([name]) => `${r.kind}#${r.run} ${name}`),
);
const s25 = SHAPES.filter((s) => s.perRoom <= 25).map((s) => perShape[s.name]!.oursHalfP99 ?? NaN);

const summary = {
  mode: quick ? 'quick' : 'full',
  runsPerServer: runs,
  converged,
  cpuPerUpdateRatio: round(ratio(shapeVals('oursCpuUs'), shapeVals('theirsCpuUs')), 3),
  kneeRatio: round(ratio(shapeVals('oursKnee'), shapeVals('theirsKnee')), 3),
  /** Idle server CPU (everyone connected, nobody editing), ours over theirs, geometric mean over the shapes. */
  idleCpuRatio: round(ratio(shapeVals('oursIdleCpuMsPerS'), shapeVals('theirsIdleCpuMsPerS')), 3),
  /** Bytes on the wire per edit at the fixed load, ours over theirs, geometric mean over the shapes. */
  bytesPerEditRatio: round(ratio(shapeVals('oursBytesPerEdit'), shapeVals('theirsBytesPerEdit')), 3),
  /** Map before the reveal: our CPU per edit, private over revealed (same edits, same load), and over Hocuspocus'. */
  mapPrivateCpuRatio: round(ratio(shapeVals('oursPrivateCpuUsPerEdit'), shapeVals('oursRevealedCpuUsPerEdit')), 3),
  mapPrivateVsTheirsCpuRatio: round(ratio(shapeVals('oursPrivateCpuUsPerEdit'), shapeVals('theirsCpuUsPerEdit')), 3),
  p99MsRoom25: round(Math.max(...s25), 2),
  p99MsRoom150: round(perShape['2x150']?.oursHalfP99 ?? NaN, 2),
  join200P99Ms: round(
    med('ours', (r) => r.join.p99),
    1,
  ),
  idleParticipantHeapKB: round(
    med('ours', (r) => r.idleParticipantKB),
    2,
  ),
  idleRoomHeapMB: round(
    med('ours', (r) => r.idleRoomMB),
    3,
  ),
  participantJsGzipKB: round(client?.jsGzipKB ?? NaN, 1),
  lighthouseMobilePerf: lh?.score ?? NaN,
  theirs: {
    join200P99Ms: round(
      med('hocuspocus', (r) => r.join.p99),
      1,
    ),
    idleParticipantHeapKB: round(
      med('hocuspocus', (r) => r.idleParticipantKB),
      2,
    ),
    idleRoomHeapMB: round(
      med('hocuspocus', (r) => r.idleRoomMB),
      3,
    ),
    bytesPerJoin: round(
      med('hocuspocus', (r) => r.join.bytesPerJoin),
      0,
    ),
  },
  ours: {
    join200P50Ms: round(
      med('ours', (r) => r.join.p50),
      1,
    ),
    bytesPerJoin: round(
      med('ours', (r) => r.join.bytesPerJoin),
      0,
    ),
    emptyRoomUnloaded: of('ours').every((r) => r.emptyRoomUnloaded),
  },
  shapes: Object.fromEntries(
    Object.entries(perShape).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([a, b]) => [a, round(b, 2)]))]),
  ),
  generatorBound: genBound,
  generatorBoundAt: genBoundWhere,
  machine: { ...machine, loadEnd: os.loadavg().map((x) => round(x, 2)) },
  seconds: Math.round((Date.now() - started) / 1000),
};

const rows: [string, string, string, string, string][] = [];
const row = (name: string, ours: number, theirs: number, target: string, d = 2) =>
  rows.push([name, fmt(ours, d), fmt(theirs, d), Number.isFinite(theirs) && theirs !== 0 ? fmt(ours / theirs, 2) : '', target]);
for (const s of SHAPES) {
  const v = perShape[s.name]!;
  row(`${s.name} knee, edits/s (p99 > ${KNEE_MS} ms)`, v.oursKnee!, v.theirsKnee!, 'ratio >= 1', 0);
  row(`${s.name} CPU us/delivered update @ ${v.fixedLoad}/s`, v.oursCpuUs!, v.theirsCpuUs!, 'ratio <= 1.0');
  row(`${s.name} p50 ms @ ${v.fixedLoad}/s`, v.oursP50!, v.theirsP50!, '');
  row(`${s.name} p99 ms @ ${v.fixedLoad}/s`, v.oursP99!, v.theirsP99!, '');
  row(`${s.name} p99 ms @ half own knee`, v.oursHalfP99!, v.theirsHalfP99!, s.perRoom <= 25 ? '<= 5' : '<= 15');
  row(`${s.name} bytes/edit on the wire @ ${v.fixedLoad}/s`, v.oursBytesPerEdit!, v.theirsBytesPerEdit!, '', 0);
  row(`${s.name} idle server CPU, ms/s (connected, no edits)`, v.oursIdleCpuMsPerS!, v.theirsIdleCpuMsPerS!, '', 1);
  row(
    `${s.name} CPU us/edit @ ${v.privateLoad}/s, revealed (everyone receives it)`,
    v.oursRevealedCpuUsPerEdit!,
    v.theirsCpuUsPerEdit!,
    '',
  );
  row(
    `${s.name} CPU us/edit @ ${v.privateLoad}/s, Map before the reveal (ours: nobody else receives it)`,
    v.oursPrivateCpuUsPerEdit!,
    v.theirsCpuUsPerEdit!,
    '',
  );
  row(
    `${s.name} bytes/edit @ ${v.privateLoad}/s, Map before the reveal`,
    v.oursPrivateBytesPerEdit!,
    v.theirsBytesPerEditAtPrivateLoad!,
    '',
    0,
  );
}
row(
  `join ${MODE.joins} phones, 160 KB board: p50 ms`,
  summary.ours.join200P50Ms,
  med('hocuspocus', (r) => r.join.p50),
  '',
  0,
);
row(`join ${MODE.joins} phones, 160 KB board: p99 ms`, summary.join200P99Ms, summary.theirs.join200P99Ms, '<= 250', 0);
row('bytes per join', summary.ours.bytesPerJoin, summary.theirs.bytesPerJoin, '', 0);
row('heap per idle participant, KB', summary.idleParticipantHeapKB, summary.theirs.idleParticipantHeapKB, '<= 12');
row('heap per idle loaded room (160 KB), MB', summary.idleRoomHeapMB, summary.theirs.idleRoomHeapMB, '<= 4');
rows.push(['participant JS gzipped, KB', fmt(summary.participantJsGzipKB), '', '', '<= 80']);
rows.push(['Lighthouse mobile performance, join page', String(summary.lighthouseMobilePerf), '', '', '>= 95']);
log('');
log('| metric (medians) | ours | Hocuspocus | ours/theirs | target |');
log('|---|---|---|---|---|');
for (const r of rows) log(`| ${r.join(' | ')} |`);
log('');
log(
  `converged (no edit lost, duplicated or refused; all docs equal): ${converged}${genBound ? `; WARNING: the generator passed 90% CPU below the knee (${genBoundWhere.join(', ')})` : ''}`,
);
log(JSON.stringify(summary));
process.exit(converged ? 0 : 1);

/**
 * One shape of the workload on one target: idle CPU, the warm-up, the load ladder up to the
 * knee, a phase at half the knee, the convergence check, and (ours) Map before the reveal.
 * Shared by the ours/Hocuspocus comparison (run.ts) and the nodes comparison (nodes.ts).
 */
import path from 'node:path';
import { checkShape, runPhase, setupShape, setVisibility, waitRooms, warmUp, type PhaseResult } from './workload.ts';
import type { Target } from './targets.ts';

export interface Mode {
  runs: number;
  stepMs: number;
  drainMs: number;
  halfMs: number;
  /** Load ratio between two rungs of the ladder. */
  factor: number;
  maxSteps: number;
  joins: number;
  idleN: number;
  idleRooms: number;
}
export const MODES: Record<'quick' | 'full', Mode> = {
  quick: { runs: 3, stepMs: 800, drainMs: 2000, halfMs: 1500, factor: 2, maxSteps: 8, joins: 200, idleN: 200, idleRooms: 6 },
  full: { runs: 5, stepMs: 3000, drainMs: 4000, halfMs: 6000, factor: 1.35, maxSteps: 16, joins: 200, idleN: 200, idleRooms: 8 },
};

/** The knee: the load at which p99 passes this. */
export const KNEE_MS = 50;
/** Idle CPU: measured over IDLE_MS once IDLE_SETTLE_MS have passed since the last phone synced. */
const IDLE_SETTLE_MS = 1_000;
const IDLE_MS = 2_000;

export interface ShapeDef {
  name: string;
  rooms: number;
  perRoom: number;
  observers: number;
  /** First rung of the load ladder, edits per second in total. */
  l0: number;
}
export const SHAPES: ShapeDef[] = [
  { name: '100x5', rooms: 100, perRoom: 5, observers: 2, l0: 250 },
  { name: '20x25', rooms: 20, perRoom: 25, observers: 3, l0: 150 },
  { name: '2x150', rooms: 2, perRoom: 150, observers: 3, l0: 60 },
];
/** The shapes named in `--shapes a,b` (all when not given). */
export const shapesNamed = (list: string | undefined) => SHAPES.filter((s) => !list || list.split(',').includes(s.name));

export const ladder = (mode: Mode, s: ShapeDef, k: number) => Math.round(s.l0 * mode.factor ** k);

export interface ShapeResult {
  steps: PhaseResult[];
  knee: number;
  kneeBounded: boolean;
  half: PhaseResult;
  /** Ours: the same edits at the first rung's load, in Map before the reveal (nobody else receives them). */
  private: PhaseResult | null;
  check: Awaited<ReturnType<typeof checkShape>>;
  genBound: boolean;
  idleCpuMsPerS: number;
}

export interface ShapeContext {
  mode: Mode;
  log: (...a: unknown[]) => void;
  /** CPU profiles of our server's load phases go here (ours only). */
  profileDir?: string;
  /** Called once every phone of the shape is connected and synced. */
  onReady?: () => Promise<void>;
}

export const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** CPU per thread between two `threads` readings, in ms per second of `wallMs`, busiest first. */
export function threadShares(a: Record<string, number>, b: Record<string, number>, wallMs: number): string {
  return (
    Object.entries(b)
      .map(([name, ms]) => [name, ((ms - (a[name] ?? 0)) * 1000) / wallMs] as const)
      .filter(([, v]) => v >= 0.05)
      .sort((x, y) => y[1] - x[1])
      .map(([name, v]) => `${name} ${fmt(v, 2)}`)
      .join(', ') || 'none'
  );
}

export function kneeOf(steps: PhaseResult[]): { knee: number; bounded: boolean } {
  const i = steps.findIndex((s) => s.p99 > KNEE_MS);
  if (i < 0) return { knee: steps[steps.length - 1]!.load, bounded: false };
  if (i === 0) return { knee: steps[0]!.load, bounded: true };
  const a = steps[i - 1]!;
  const b = steps[i]!;
  const pb = Number.isFinite(b.p99) ? b.p99 : 10_000;
  const f = (KNEE_MS - a.p99) / (pb - a.p99);
  return { knee: Math.exp(Math.log(a.load) + f * (Math.log(b.load) - Math.log(a.load))), bounded: true };
}

export async function runShape(target: Target, s: ShapeDef, seed: number, ctx: ShapeContext): Promise<ShapeResult> {
  const { mode, log, profileDir } = ctx;
  const shape = await setupShape(target, s.rooms, s.perRoom, s.observers);
  try {
    await ctx.onReady?.();
    // Server CPU with everyone connected and nobody editing (timers, pings): a floor under CPU per update.
    // Measured after a settling second: what connecting everyone left behind (collecting its
    // garbage, checkpointing what it stored) is the setup's cost, not the idle room's.
    const early0 = await target.server.cpuMs();
    await new Promise((r) => setTimeout(r, 500));
    const earlyCpuMsPerS = ((await target.server.cpuMs()) - early0) * 2;
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS - 500));
    const profiling = profileDir && target.kind === 'ours';
    if (profiling) await target.server.call('profileStart');
    const threads0 = await target.server.call<Record<string, number>>('threads');
    const idle0 = await target.server.cpuMs();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idleCpuMsPerS = (((await target.server.cpuMs()) - idle0) * 1000) / IDLE_MS;
    const threads1 = await target.server.call<Record<string, number>>('threads');
    log(`    ${s.name} idle CPU by thread, ms/s: ${threadShares(threads0, threads1, IDLE_MS)}`);
    log(
      `    ${s.name} idle server CPU ${fmt(idleCpuMsPerS, 1)} ms/s (in the first 500 ms after the last phone synced: ${fmt(earlyCpuMsPerS, 1)} ms/s)`,
    );
    if (profiling) await target.server.call('profileStop', { file: path.join(profileDir, `ours-idle-${s.name}-${Date.now()}.cpuprofile`) });
    await warmUp(target, shape, seed);
    const steps: PhaseResult[] = [];
    const ladder0 = await target.server.call<Record<string, number>>('threads');
    const ladderT0 = performance.now();
    if (profiling) await target.server.call('profileStart');
    for (let k = 0; k < mode.maxSteps; k++) {
      const r = await runPhase(target, shape, `step${k}`, ladder(mode, s, k), mode.stepMs, mode.drainMs, seed + k + 1);
      steps.push(r);
      const side = r.sideCpuMs
        ? `  ${Object.entries(r.sideCpuMs)
            .map(([name, ms]) => `${name} ${fmt((ms * 1000) / r.edits, 0)} us/edit`)
            .join(', ')}`
        : '';
      log(
        `    ${s.name} ${fmt(r.load, 0).padStart(6)}/s  p50 ${fmt(r.p50, 2).padStart(7)} p99 ${fmt(r.p99, 2).padStart(8)} ms  cpu ${fmt(r.cpuUsPerDelivery, 2)} us/deliv  ${fmt(r.bytesPerEdit, 0)} B/edit  gen ${fmt(r.genCpuShare * 100, 0)}%  lag99 ${fmt(r.sendLagP99, 1)}  gen stall ${fmt(r.genLoopMaxMs, 0)} ms${side}`,
      );
      if (r.p99 > KNEE_MS) break;
    }
    log(
      `    ${s.name} ladder CPU by thread, ms/s: ${threadShares(ladder0, await target.server.call<Record<string, number>>('threads'), performance.now() - ladderT0)}`,
    );
    const { knee, bounded } = kneeOf(steps);
    await new Promise((r) => setTimeout(r, 300));
    const half = await runPhase(target, shape, 'half', knee / 2, mode.halfMs, mode.drainMs, seed + 100);
    if (profiling) await target.server.call('profileStop', { file: path.join(profileDir, `ours-${s.name}-${Date.now()}.cpuprofile`) });
    log(
      `    ${s.name} knee ${fmt(knee, 0)}/s${bounded ? '' : ' (not reached)'}; at half: p50 ${fmt(half.p50, 2)} p99 ${fmt(half.p99, 2)} ms; idle server CPU ${fmt(idleCpuMsPerS, 0)} ms/s`,
    );
    let check = await checkShape(shape);
    if (!check.converged) log(`    ${s.name} CONVERGENCE FAILED`, check);
    let priv: PhaseResult | null = null;
    if (target.kind === 'ours') {
      // Map before the reveal: the same edits at the first rung's load reach nobody else. Then
      // the reveal, after which every screen must show each phone's last edit.
      await setVisibility(target, shape, 'private');
      priv = await runPhase(target, shape, 'private', ladder(mode, s, 0), Math.max(mode.stepMs, mode.halfMs), mode.drainMs, seed + 200, {
        private: true,
      });
      const revealed = steps[0]!;
      log(
        `    ${s.name} Map before the reveal @ ${fmt(priv.load, 0)}/s: cpu ${fmt(priv.cpuUsPerEdit, 1)} us/edit (revealed ${fmt(revealed.cpuUsPerEdit, 1)}), ${fmt(priv.bytesPerEdit, 0)} B/edit (revealed ${fmt(revealed.bytesPerEdit, 0)}), ack p50 ${fmt(priv.ackP50, 2)} p99 ${fmt(priv.ackP99, 2)} ms`,
      );
      await setVisibility(target, shape, 'revealed');
      const after = await checkShape(shape);
      if (!after.converged) log(`    ${s.name} CONVERGENCE FAILED after the reveal`, after);
      check = {
        lost: check.lost + after.lost,
        duplicated: check.duplicated + after.duplicated,
        rejected: after.rejected,
        mismatched: check.mismatched + after.mismatched,
        converged: check.converged && after.converged,
      };
    }
    const genBound = steps.some((st) => st.p99 <= KNEE_MS && st.genCpuShare > 0.9);
    return { steps, knee, kneeBounded: bounded, half, private: priv, check, genBound, idleCpuMsPerS };
  } finally {
    shape.close();
    await waitRooms(target, 0);
  }
}

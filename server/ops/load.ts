/**
 * Overload shedding: while the event loop lags or the heap is nearly full, new HTTP requests
 * and new socket connections are refused with SERVER_BUSY (503, Retry-After), so the rooms
 * already connected keep the capacity they have. The same idea as @fastify/under-pressure,
 * kept in our own few lines because one gate serves both Fastify and the Socket.IO handshake
 * (which never passes through Fastify's hooks) and its limits can be changed while it runs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';

/** The histogram times a timer of this period; what it reports beyond the period is the lag. */
const RESOLUTION_MS = 20;

export interface LoadLimits {
  /** Milliseconds; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** Bytes; 0 turns the check off. */
  maxHeapUsedBytes: number;
}

export interface LoadSample {
  eventLoopDelayMs: number;
  heapUsedBytes: number;
}

export class LoadShedder {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: ReturnType<typeof setInterval>;
  private last: LoadSample = { eventLoopDelayMs: 0, heapUsedBytes: 0 };
  private reason: string | null = null;

  constructor(
    private limits: LoadLimits,
    sampleMs: number,
  ) {
    this.histogram.enable();
    this.timer = setInterval(() => this.sample(), sampleMs);
    this.timer.unref();
  }

  /** Why new work is refused now ('event loop' or 'heap'), or null when there is room. */
  get busy(): string | null {
    return this.reason;
  }

  get sampled(): LoadSample {
    return this.last;
  }

  /** Changes the limits and checks them at once (an operator's knob; tests lower them to induce overload). */
  setLimits(limits: Partial<LoadLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.sample();
  }

  private sample(): void {
    // The worst delay since the last sample: a loop blocked for a second shows even if it is free now.
    const delay = this.histogram.count > 0 ? Math.max(0, this.histogram.max / 1e6 - RESOLUTION_MS) : 0;
    this.histogram.reset();
    this.last = { eventLoopDelayMs: delay, heapUsedBytes: process.memoryUsage().heapUsed };
    const { maxEventLoopDelayMs, maxHeapUsedBytes } = this.limits;
    if (maxEventLoopDelayMs > 0 && this.last.eventLoopDelayMs > maxEventLoopDelayMs) this.reason = 'event loop';
    else if (maxHeapUsedBytes > 0 && this.last.heapUsedBytes > maxHeapUsedBytes) this.reason = 'heap';
    else this.reason = null;
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}

/** MAX_HEAP_USED_MB, where 0 means 90% of the heap Node may grow to. */
export function heapLimitBytes(maxHeapUsedMb: number): number {
  return maxHeapUsedMb > 0 ? maxHeapUsedMb * 1024 * 1024 : Math.floor(v8.getHeapStatistics().heap_size_limit * 0.9);
}

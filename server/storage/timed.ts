/** Wraps a Storage so every call's duration is observed, by method name and outcome (for /metrics). */
import type { Storage } from './storage.ts';

export type ObserveStorage = (operation: string, outcome: 'ok' | 'error', seconds: number) => void;

export function timedStorage(storage: Storage, observe: ObserveStorage): Storage {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(storage) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        const result = await fn.apply(storage, args);
        observe(name, 'ok', (performance.now() - start) / 1000);
        return result;
      } catch (err) {
        observe(name, 'error', (performance.now() - start) / 1000);
        throw err;
      }
    };
  }
  return wrapped as unknown as Storage;
}

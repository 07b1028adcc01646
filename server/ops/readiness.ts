/**
 * Readiness: can this node serve a workshop right now? Storage must answer a trivial query
 * and, in cluster mode, Redis a ping, each within a short timeout (a hung database must not
 * hang the probe). The answer names what failed and nothing else: no error text, no URL, no
 * stack, since a probe's answer may be seen by anyone who can reach the port.
 */
export type Dependency = 'storage' | 'redis';

export interface ReadinessCheck {
  name: Dependency;
  ping(): Promise<unknown>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failed' | 'timeout'>;
}

function within(ms: number, work: Promise<unknown>): Promise<'ok' | 'failed' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const done = work.then(
    () => 'ok' as const,
    () => 'failed' as const,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(
      async (c) =>
        [
          c.name,
          await within(
            timeoutMs,
            Promise.resolve().then(() => c.ping()),
          ),
        ] as const,
    ),
  );
  return { ready: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
}

/**
 * Vitest global setup: Redis and PostgreSQL for the tests that need them. scripts/test.mjs
 * passes REDIS_URL/DATABASE_URL (its own services, or the ones the caller set); a bare
 * `npx vitest run` without them gets services started here and stopped after the run.
 */
import type { TestProject } from 'vitest/node';
import { startServices, type ServiceUrls } from '../../scripts/services.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URLs, or why there are none (the tests that need them fail with that reason). */
    services: ServiceUrls | { error: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const services = await startServices(process.env);
    if (services.started.length) console.log(`Started for the tests: ${services.started.join('; ')}`);
    project.provide('services', services.env);
    return () => services.stop();
  } catch (err) {
    project.provide('services', { error: (err as Error).message });
    return async () => {};
  }
}

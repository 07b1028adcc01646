import fs from 'node:fs';

/** Removes the throw-away data folder the suite's server wrote to. */
export default function globalTeardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && dir.includes('social-shift-e2e-')) fs.rmSync(dir, { recursive: true, force: true });
}

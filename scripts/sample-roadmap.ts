/**
 * Writes the sample exports kept in the repository (tests/fixtures/samples.ts):
 * docs/sample-roadmap.md (which the README links to), and the golden
 * exports the tests compare against. Run after changing the roadmap or the
 * export, then read them: node --import tsx scripts/sample-roadmap.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportOf, SAMPLES } from '../tests/fixtures/samples.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const sample of SAMPLES) {
  const out = resolve(root, sample.file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, exportOf(sample));
  console.log(`wrote ${sample.file}`);
}

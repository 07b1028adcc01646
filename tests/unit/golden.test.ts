/**
 * The exports kept in the repository are what the code produces today: three
 * golden files (a room split into two camps, a mostly unanswered board, a
 * charity serving donors and volunteers) and the sample the README links to. After a
 * deliberate change, regenerate them with `node --import tsx
 * scripts/sample-roadmap.ts`, then read the difference before committing it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { exportOf, SAMPLES } from '../fixtures/samples.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const LINT_CONFIG = { default: true, MD013: false, MD026: false } as const;

describe('golden exports', () => {
  for (const sample of SAMPLES) {
    it(`${sample.file} is what the code exports today, and passes markdownlint`, () => {
      const md = exportOf(sample);
      expect(md).toBe(read(sample.file));
      expect(lint({ strings: { md }, config: LINT_CONFIG }).md ?? []).toEqual([]);
    });
  }
});

/**
 * Writes the realistic fixture board's export to docs/sample-roadmap.md, the
 * sample linked from the README. Run: node --import tsx scripts/sample-roadmap.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMarkdown } from '../shared/markdown.ts';
import { generateRoadmap } from '../shared/roadmap.ts';
import { realisticBoard } from '../tests/fixtures/boards.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'docs/sample-roadmap.md');
const board = realisticBoard();
// A fixed date keeps the sample stable from run to run.
const markdown = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, markdown);
console.log(`wrote ${out}`);

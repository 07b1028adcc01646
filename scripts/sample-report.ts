/**
 * Writes the report's golden timelines (tests/fixtures/report-samples.ts) and
 * docs/sample-report.html, the report of the sample re-run the README links to.
 * Run after changing the timeline or the report, then look at them:
 * node --import tsx scripts/sample-report.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRoadmap } from '../shared/roadmap/index.ts';
import { toReportHtml } from '../shared/roadmap/report/index.ts';
import { RERUN_DATE, rerunBoard } from '../tests/fixtures/boards.ts';
import { timelineOf, TIMELINE_SAMPLES } from '../tests/fixtures/report-samples.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const sample of TIMELINE_SAMPLES) {
  writeFileSync(resolve(root, sample.file), timelineOf(sample.board()));
  console.log(`wrote ${sample.file}`);
}
const board = rerunBoard();
writeFileSync(resolve(root, 'docs/sample-report.html'), toReportHtml(board, generateRoadmap(board), { date: RERUN_DATE }));
console.log('wrote docs/sample-report.html');

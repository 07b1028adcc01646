/**
 * The HTML report in real Chromium, for each golden board: axe finds nothing,
 * the page asks for nothing over the network, it fits a phone and the printable
 * width of A4 and US Letter with nothing overflowing, and it prints to PDF in
 * both sizes with a sane number of pages (logged, for the note).
 * The report is built in the test (it is pure); the routes that serve it are
 * tested with them.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toReportHtml } from '../../shared/roadmap/report/index.ts';
import { SAMPLE_DATE, SAMPLES } from '../fixtures/samples.ts';

/** Printable width in CSS pixels (96 per inch) of each paper size, with the report's 15 mm side margins. */
const PRINTABLE = { A4: Math.floor(((210 - 30) / 25.4) * 96), Letter: Math.floor((8.5 - 30 / 25.4) * 96) } as const;

/** Elements whose right edge runs past the page (a table or a long word that does not wrap). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('body *')) {
      // A box that scrolls sideways (the heat map, the timeline on a phone) may hold something wider; what counts is the box itself.
      const scroller = el.parentElement?.closest('.heat-map, .chart');
      if (scroller && getComputedStyle(scroller).overflowX === 'auto') continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5)
        out.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 5);
  });
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

for (const sample of SAMPLES) {
  const name = sample.file.replace(/.*\//, '').replace('.md', '');
  test(`report of ${name}: axe, no request, fits phone, A4 and Letter, prints to PDF`, async ({ page }) => {
    const board = sample.board();
    const html = toReportHtml(board, generateRoadmap(board), { date: sample.date ?? SAMPLE_DATE });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('about:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    await expect(page.locator('h1')).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const report = results.violations
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join('\n  ')}`,
      )
      .join('\n');
    expect(results.violations, report).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await overflowing(page), 'on a 360 px phone').toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const pages: string[] = [];
    for (const format of ['A4', 'Letter'] as const) {
      await page.setViewportSize({ width: PRINTABLE[format], height: 1000 });
      expect(await overflowing(page), `printed on ${format}`).toEqual([]);
      const count = pageCount(await page.pdf({ format }));
      pages.push(`${format} ${count}`);
      // Title and first 30 days, the plan, one page per horizon, the appendix: between 4 and 16.
      expect(count, format).toBeGreaterThanOrEqual(4);
      expect(count, format).toBeLessThanOrEqual(16);
    }
    test.info().annotations.push({ type: 'pages', description: `${name}: ${pages.join(', ')}` });
    console.log(`report ${name}: ${pages.join(' pages, ')} pages`);
    expect(requests).toEqual([]);
  });
}

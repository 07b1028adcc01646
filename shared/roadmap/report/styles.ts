/**
 * The report's one stylesheet: a document a board reads, on screen and on
 * paper. System fonts only (nothing is fetched), a serif for headings and a
 * sans-serif for text, one accent colour, generous margins.
 *
 * Print: `@page { size: auto }` lets the browser's paper choice stand (A4 or US
 * Letter; the margins fit both); rows, initiatives and figures do not break
 * across pages; the plan, each detailed horizon and the appendix start a page. Chromium does not print `@page`
 * margin boxes, so a repeated page footer is not possible without a script:
 * each horizon and the appendix end with a line giving the workshop's name
 * and date instead (`.running-footer`), which lands at the foot of that
 * section's last page. A fixed-position footer was the other choice; it sits
 * on top of the text at the bottom of every page, which is worse.
 */
export const REPORT_CSS = `
:root { --ink: #1d2733; --muted: #5b6673; --rule: #d5dbe2; --accent: #2b5d8a; --band: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 3rem 1.25rem 4rem; }
h1, h2, h3, h4 { font-family: Georgia, "Times New Roman", Times, serif; font-weight: 600; line-height: 1.2; color: var(--ink); break-after: avoid; page-break-after: avoid; }
h1 { font-size: 2.1rem; margin: 0.2rem 0 1.2rem; }
h2 { font-size: 1.55rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.2rem; margin: 1.8rem 0 0.5rem; }
h4 { font-size: 1.02rem; margin: 1.3rem 0 0.3rem; }
p, ul, dl { margin: 0 0 0.9rem; }
ul { padding-left: 1.3rem; }
li { margin: 0.3rem 0; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--accent); font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.facts div, .initiative dl div { display: contents; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.months { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 0.95rem; font-weight: 400; color: var(--muted); }
.steps li { margin: 0.55rem 0; }
/* What the data cannot carry: set apart, so nobody acts before reading it. */
.cautions ul { margin: 0 0 0.9rem; padding: 0.6rem 1rem 0.6rem 2.1rem; background: #fbf6ec; border-left: 3px solid #a86b12; }
.cautions ul, .cautions li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.owner, .meta, .note, figcaption, .legend { color: var(--muted); }
.note, figcaption, .legend { font-size: 0.88rem; }
.initiative { margin: 0 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
.initiative .n { color: var(--accent); }
.initiative dl { display: grid; grid-template-columns: 8.5rem 1fr; gap: 0.35rem 1rem; }
figure { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.9rem; font-size: 0.92rem; }
/* break-word, not anywhere: "anywhere" lets a table squeeze a column into "Ga / p"; a word still breaks when it cannot fit at all. */
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; }
.heat-map table { width: auto; font-variant-numeric: tabular-nums; }
.heat-map th.num, .heat { text-align: center; width: 2.1rem; padding: 0.3rem 0.2rem; }
.heat { border: 1px solid #fff; }
.edge { border-left: 2px solid var(--ink); }
.h0 { background: #fff; color: #8a949f; } .h1 { background: #e3ecf5; } .h2 { background: #c3d6ea; } .h3 { background: #8fb3d6; }
.h4 { background: #4f84b8; color: #fff; } .h5 { background: #24527f; color: #fff; }
.hidden-row { color: var(--muted); font-style: italic; }
.legend .scale { white-space: nowrap; margin-right: 0.6rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; border: 1px solid var(--rule); }
.running-footer { margin-top: 2rem; padding-top: 0.4rem; border-top: 1px solid var(--rule); font-size: 0.8rem; color: var(--muted); }
.heat, .swatch, .h0, .h1, .h2, .h3, .h4, .h5 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media (max-width: 34rem) {
  main { padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.7rem; }
  .initiative dl { grid-template-columns: 1fr; gap: 0 0; }
  .initiative dd { margin-bottom: 0.4rem; }
  /* A phone has no room for six columns of whole words: here a word may break (with a hyphen where the browser can). */
  .canvas, .since { font-size: 0.8rem; }
  th, td { padding: 0.3rem 0.25rem; overflow-wrap: anywhere; hyphens: auto; }
  .heat-map { overflow-x: auto; }
  /* Scaled to a phone the timeline's words would be 6 px high: it keeps a readable size and scrolls sideways. */
  .chart { overflow-x: auto; }
  .chart svg { min-width: 34rem; }
  .heat-map th.num, .heat { width: 1.55rem; padding: 0.25rem 0.1rem; font-size: 0.75rem; }
  .heat-map tbody th { font-size: 0.75rem; }
}
@page { size: auto; margin: 16mm 15mm 16mm; }
@media print {
  body { font-size: 10.5pt; line-height: 1.45; }
  main { max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 22pt; margin-bottom: 0.8rem; }
  h2 { font-size: 16pt; margin-top: 0; }
  h3 { font-size: 12.5pt; }
  h4 { font-size: 11pt; }
  section { margin-top: 1.2rem; }
  /* Tighter than on screen: the opening (First 30 days, Before you act and its footer) should fit one sheet. */
  .steps li { margin: 0.3rem 0; }
  .running-footer { margin: 0.6rem 0 0; }
  .cautions ul { margin-bottom: 0; }
  .title + section, section:first-of-type { margin-top: 0; }
  .plan, .horizon, .appendix { break-before: page; page-break-before: always; margin-top: 0; }
  /* Later horizons are one line per initiative: they follow on the page before them, as does Look again. */
  .horizon.outlined { break-before: auto; page-break-before: auto; margin-top: 1.6rem; }
  .chart svg { max-width: 100%; }
  table { font-size: 9.5pt; }
}
`;

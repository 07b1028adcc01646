/**
 * A workshop's own stage names (a template's `stages`: a charity's journey, or
 * the canvas in another language) are the names its roadmap and its export
 * use, everywhere a stage is named: titles ("from X to Y"), reasons, cautions,
 * the legend, the tables, the practice cards. Never the default canvas's.
 */
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../shared/domain/canvas.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import type { BoardState } from '../../shared/domain/types.ts';
import { SAMPLE_DATE, SAMPLES } from '../fixtures/samples.ts';

const LINT_CONFIG = { default: true, MD013: false, MD026: false } as const;

/** The default canvas in Spanish. */
const SPANISH: Stage[] = [
  { level: 1, name: 'Ausente', summary: 'Todavía no estamos.', short: 'sin presencia' },
  { level: 2, name: 'Difusión', summary: 'Mensajes en un solo sentido.', short: 'un solo sentido' },
  { level: 3, name: 'Pruebas', summary: 'Pilotos aquí y allá.', short: 'pilotos' },
  { level: 4, name: 'Diálogo', summary: 'Conversación sostenida.', short: 'conversación' },
  { level: 5, name: 'Organización social', summary: 'La conversación es cómo trabajamos.', short: 'en red' },
];

const DEFAULT_NAMES = new RegExp(`\\b(${STAGES.map((s) => s.name).join('|')})\\b`, 'g');
/**
 * Default stage names in `text`, except in text stored as typed: cards, the canvas's own
 * words, and a re-run's earlier plan (its titles were written in the earlier workshop's words).
 */
function defaultNamesIn(text: string, board: BoardState): string[] {
  const typed = [
    ...board.cards.map((c) => c.text),
    ...board.dimensions.flatMap((d) => [d.name, ...d.descriptors]),
    ...(board.baseline?.initiatives ?? []).map((i) => i.title),
  ];
  let rest = text;
  // Longest first: a dimension's name is part of an earlier plan's titles.
  for (const t of typed.sort((a, b) => b.length - a.length)) rest = rest.split(t).join('');
  return rest.match(DEFAULT_NAMES) ?? [];
}

const renamed = (board: BoardState, stages: Stage[]): BoardState => ({ ...board, stages: stages.map((s) => ({ ...s })) });

describe('a workshop with its own stage names', () => {
  for (const sample of SAMPLES) {
    it(`names them, and never the default ones, in the roadmap and the export (${sample.file})`, () => {
      const board = renamed(sample.board(), SPANISH);
      const roadmap = generateRoadmap(board);
      const md = toMarkdown(board, roadmap, { date: sample.date ?? SAMPLE_DATE });

      for (const i of roadmap.initiatives) {
        expect(defaultNamesIn([i.title, ...i.why, i.firstStep].join('\n'), board), i.id).toEqual([]);
        if (i.kind === 'move' && i.fromStage >= 1)
          expect(i.title).toContain(`from ${SPANISH[i.fromStage - 1]!.name} to ${SPANISH[i.toStage - 1]!.name}`);
      }
      for (const c of roadmap.cautions ?? []) expect(defaultNamesIn(c.text, board), c.kind).toEqual([]);
      expect(md).toContain(
        'Stages, left to right: Ausente (sin presencia), Difusión (un solo sentido), Pruebas (pilotos), Diálogo (conversación), Organización social (en red).',
      );
      expect(defaultNamesIn(md, board)).toEqual([]);
      expect(lint({ strings: { md }, config: LINT_CONFIG }).md ?? []).toEqual([]);
    });
  }

  it('the same board with the default stages still speaks of them: the test above can fail', () => {
    const board = SAMPLES[1]!.board();
    const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
    expect(defaultNamesIn(md, board).length).toBeGreaterThan(10);
    expect(md).not.toContain('Difusión');
  });

  it('a stage name with markup in it is escaped wherever the export names it, and the tables keep their columns', () => {
    const stages = SPANISH.map((s) => (s.level === 2 ? { ...s, name: 'Difusión | *ruido*' } : s));
    const board = renamed(SAMPLES[1]!.board(), stages);
    const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
    expect(md).toContain('Difusión \\| \\*ruido\\*');
    expect(md).not.toMatch(/(?<!\\)\| \*ruido/);
    expect(lint({ strings: { md }, config: LINT_CONFIG }).md ?? []).toEqual([]);
  });
});

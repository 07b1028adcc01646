/**
 * The workshop model as a file (shared/schema/template-file.ts, shared/domain/workshop-model.ts):
 * the default canvas is the shipped file and nothing else; the committed JSON
 * Schema is what the script generates; a template survives export, import and
 * export byte for byte (through a real ledger); and a hostile value in any
 * field of the file is refused with that field's path, never half-read.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFAULT_SETTINGS, initBoard } from '../../shared/doc/meta-doc.ts';
import { STAGES } from '../../shared/domain/canvas.ts';
import { AppError } from '../../shared/domain/errors.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { parseTemplate, TEMPLATE_FORMAT, type WorkshopTemplate } from '../../shared/schema/template-file.ts';
import { DEFAULT_TEMPLATE, defaultModel, modelOf, templateOf } from '../../shared/domain/workshop-model.ts';
import { writeStoredModel } from '../../server/rooms/ledger.ts';
import { RoomState } from '../../server/rooms/room-state.ts';
import { SCHEMA_FILE, templateJsonSchema } from '../../scripts/template-schema.ts';
import { makeBoard, markersOn, participant } from '../fixtures/boards.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const FILE = 'shared/templates/social-organisation.json';
const SEED = { seed: 20_250_919 };

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};
const withoutSchemaKey = <T extends object>(t: T) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== '$schema'));

/** A template as a workshop stores it and `template.json` exports it again: through a real ledger document. */
function throughLedger(t: WorkshopTemplate): WorkshopTemplate {
  const model = modelOf(t);
  const doc = new Y.Doc();
  initBoard(doc, { title: 'T', organisation: '', dimensions: model.dimensions, settings: model.settings, stages: model.stages });
  doc.transact(() => writeStoredModel(doc, model));
  // Stored and loaded again, as a room does after a restart.
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
  return templateOf(new RoomState(loaded, new Map()).model());
}

describe('the default canvas is a file', () => {
  it('the shipped file reads as a template with every text clean, and is what the app starts from', () => {
    const raw = JSON.parse(read(FILE));
    const parsed = parseTemplate(raw);
    expect(withoutSchemaKey(parsed)).toEqual(withoutSchemaKey(raw));
    expect(DEFAULT_TEMPLATE).toEqual(raw);
    expect(defaultModel().dimensions.map((d) => d.key)).toEqual([
      'leadership',
      'brand',
      'conversation',
      'content',
      'community',
      'ways-of-working',
      'people',
      'technology',
      'insight',
      'commerce',
    ]);
  });

  it("the screens' stage names and the readers' default settings are the file's", () => {
    expect(DEFAULT_TEMPLATE.stages).toEqual(STAGES);
    expect(defaultModel().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('no dimension text is left in code: the shared modules do not spell one', () => {
    for (const file of [
      'shared/domain/canvas.ts',
      'shared/doc/meta-doc.ts',
      'shared/roadmap/generate.ts',
      'shared/roadmap/rank.ts',
      'shared/roadmap/place.ts',
      'shared/roadmap/assemble.ts',
      'shared/roadmap/team-words.ts',
      'shared/roadmap/copy.ts',
      'server/rooms/build-dimensions.ts',
    ]) {
      const src = read(file);
      for (const d of DEFAULT_TEMPLATE.dimensions) {
        expect(src, `${file} spells ${d.key}'s name`).not.toContain(d.name);
        expect(src, `${file} spells ${d.key}'s first step`).not.toContain(d.playbook!.firstSteps[0]!.text.slice(0, 40));
      }
    }
  });
});

describe('the JSON Schema', () => {
  it(`${SCHEMA_FILE} is what scripts/template-schema.ts generates`, () => {
    expect(read(SCHEMA_FILE)).toBe(templateJsonSchema());
  });

  it('accepts the shipped template, and an editor using it flags the mistakes the server refuses', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(read(SCHEMA_FILE)));
    const raw = JSON.parse(read(FILE));
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(raw);
    bad.dimensions[2].descriptors.pop();
    bad.settings.votesPerPerson = -1;
    bad.dimensions[0].colour = 'red';
    expect(validate(bad)).toBe(false);
    const where = (validate.errors ?? []).map((e) => e.instancePath);
    expect(where).toEqual(expect.arrayContaining(['/dimensions/2/descriptors', '/settings/votesPerPerson', '/dimensions/0']));
  });
});

// ------------------------------------------------------------------ round trip

const letters = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.'&éøß中文—-]{0,30}[A-Za-z0-9.]$/);
const maybeEmpty = fc.oneof(fc.constant(''), letters);
const keyArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const stepArb = fc.record({ text: letters, cues: fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 4 }) });
const playbookArb = fc.record({
  align: letters,
  firstSteps: fc.array(stepArb, { minLength: 4, maxLength: 4 }),
  benchmarks: fc.array(letters, { minLength: 4, maxLength: 4 }),
});

const templateArb: fc.Arbitrary<unknown> = fc
  .record({
    name: letters,
    description: fc.option(maybeEmpty, { nil: undefined }),
    stages: fc
      .tuple(letters, letters, letters, letters, letters)
      .map((names) => names.map((name, i) => ({ level: i + 1, name, summary: '', short: name.slice(0, 10) }))),
    dimensions: fc.uniqueArray(
      fc.record({
        key: keyArb,
        name: letters,
        left: maybeEmpty,
        right: maybeEmpty,
        descriptors: fc.array(maybeEmpty, { minLength: 5, maxLength: 5 }),
        prompts: fc.array(letters, { maxLength: 4 }),
        enabler: fc.boolean(),
        playbook: fc.option(playbookArb, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 16, selector: (d) => d.key },
    ),
    horizons: fc
      .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 })
      .map((ends) =>
        [...ends]
          .sort((a, b) => a - b)
          .map((end, i, all) => ({ id: `h${i}`, label: `H${i}`, fromMonth: i === 0 ? 0 : all[i - 1]!, toMonth: end })),
      ),
    settings: fc.record({
      votesPerPerson: fc.integer({ min: 0, max: 50 }),
      anonymous: fc.boolean(),
      privateUntilReveal: fc.boolean(),
      minAnswers: fc.integer({ min: 1, max: 50 }),
      initiativeCap: fc.integer({ min: 1, max: 20 }),
      roadmapEditable: fc.boolean(),
      serves: fc.stringMatching(/^[a-z][a-z ]{0,20}[a-z]$/),
    }),
  })
  .map((t) => {
    const out: Record<string, unknown> = { format: TEMPLATE_FORMAT, version: 1, ...t };
    if (t.description === undefined) delete out.description;
    out.dimensions = t.dimensions.map((d) =>
      d.playbook === undefined ? Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'playbook')) : d,
    );
    return out;
  });

describe('template round trip', () => {
  it('export, import, export: identical, through a stored ledger, for any template', () => {
    fc.assert(
      fc.property(templateArb, (raw) => {
        const imported = parseTemplate(JSON.parse(JSON.stringify(raw)));
        const exported = throughLedger(imported);
        const again = throughLedger(parseTemplate(JSON.parse(JSON.stringify(exported))));
        expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
        expect(exported).toEqual({ ...withoutSchemaKey(imported), description: imported.description });
      }),
      { ...SEED, numRuns: 200 },
    );
  });

  it('the shipped template survives it too', () => {
    const exported = throughLedger(parseTemplate(JSON.parse(read(FILE))));
    expect(JSON.stringify(throughLedger(parseTemplate(exported)))).toBe(JSON.stringify(exported));
    expect(exported).toEqual(withoutSchemaKey(JSON.parse(read(FILE))));
  });

  it('a workshop stored before models were files exports the default canvas for its dimensions', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Old', organisation: '', dimensions: defaultModel().dimensions.slice(0, 3) });
    const t = templateOf(new RoomState(doc, new Map()).model());
    expect(t.name).toBe(DEFAULT_TEMPLATE.name);
    expect(t.dimensions).toEqual(DEFAULT_TEMPLATE.dimensions.slice(0, 3));
  });
});

// ------------------------------------------------------------------ hostile values

/** Every path in a JSON value, containers included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k])));
  return here;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const HOSTILE: unknown[] = [
  null,
  -1,
  1e300,
  3.5,
  'x'.repeat(100_000),
  '',
  '\u200B\u202E\u2066',
  {},
  [],
  Array.from({ length: 10_000 }, () => 'x'),
  { __proto__: { polluted: true } },
];

describe('a hostile value in any field of a template', () => {
  const base = JSON.parse(read(FILE));
  // Every dimension has the same shape: the first two are walked to their leaves, the others to
  // their own fields, so the test stays well inside its time on a busy machine (it walked ~700
  // fields × 11 values, 13 s alone, and timed out under the full suite).
  const fields = paths(base).filter(
    (p) => p.length > 0 && p[0] !== '$schema' && !(p[0] === 'dimensions' && typeof p[1] === 'number' && p[1] >= 2 && p.length > 3),
  );

  it(`is refused as INVALID_TEMPLATE with a path inside that field, or read cleanly (${fields.length} fields, ${HOSTILE.length} values each)`, () => {
    let refused = 0;
    for (const path of fields) {
      for (const bad of HOSTILE) {
        const doc = JSON.parse(JSON.stringify(setAt(base, path, bad)));
        let t: WorkshopTemplate;
        try {
          t = parseTemplate(doc);
        } catch (e) {
          expect(e, `${path.join('.')} = ${JSON.stringify(bad)?.slice(0, 40)}`).toBeInstanceOf(AppError);
          const err = e as AppError;
          expect(err.code).toBe('INVALID_TEMPLATE');
          // The path names the field, or (format, version and the five stages' order) the rule it broke there.
          const named = path.join('.');
          expect(
            err.path === named ||
              err.path!.startsWith(`${named}.`) ||
              named.startsWith(`${err.path}.`) ||
              err.path === '' ||
              err.path === 'format' ||
              err.path === 'version',
            `${named}: ${err.message}`,
          ).toBe(true);
          expect(err.message.length).toBeLessThan(400);
          refused++;
          continue;
        }
        // Accepted: only where the value fits, and what was read is clean.
        expect(JSON.stringify(t)).not.toMatch(/[\u200B\u202E\u2066]/);
        expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    expect(refused).toBeGreaterThan(fields.length * 5);
  });

  it('an unknown key anywhere is refused, naming where it is; so is "__proto__" in a body', () => {
    for (const path of [
      [],
      ['stages', 0],
      ['dimensions', 3],
      ['dimensions', 3, 'playbook'],
      ['dimensions', 3, 'playbook', 'firstSteps', 1],
      ['horizons', 0],
      ['settings'],
    ] as (string | number)[][]) {
      const doc = structuredClone(base);
      let node = doc;
      for (const k of path) node = node[k];
      node.extra = 1;
      const err = refusal(() => parseTemplate(doc));
      expect(err.code).toBe('INVALID_TEMPLATE');
      expect(err.path).toBe(path.join('.'));
      expect(err.message).toContain('extra');
    }
    const text = read(FILE).replace('"settings": {', '"settings": { "__proto__": { "isAdmin": true },');
    const err = refusal(() => parseTemplate(JSON.parse(text)));
    expect(err.path).toBe('settings');
  });

  it('an unknown version, or another kind of file, is refused in words', () => {
    expect(refusal(() => parseTemplate({ ...base, version: 2 })).message).toBe(
      'version: this workshop template is version 2, and this server reads version 1 only, so it cannot tell what the newer file means: open it with a newer Social Shift',
    );
    expect(refusal(() => parseTemplate({ ...base, version: '1' })).message).toMatch(
      /^version: unknown version: this server reads workshop templates of version 1/,
    );
    expect(refusal(() => parseTemplate({ ...base, format: 'social-shift/archive' })).message).toMatch(
      /is a workshop archive, not a template: .* "previous"/,
    );
    expect(refusal(() => parseTemplate({ ...base, format: undefined })).path).toBe('format');
    expect(refusal(() => parseTemplate([base])).message).toBe('template: a workshop template is a JSON object');
  });

  it("keys, horizons and stages that break the canvas's rules are refused where they break them", () => {
    const dup = structuredClone(base);
    dup.dimensions[4].key = dup.dimensions[1].key;
    expect(refusal(() => parseTemplate(dup))).toMatchObject({
      path: 'dimensions.4.key',
      message: expect.stringContaining('already the key of dimension 1'),
    });
    const backwards = structuredClone(base);
    backwards.horizons[2].toMonth = backwards.horizons[2].fromMonth;
    expect(refusal(() => parseTemplate(backwards)).path).toBe('horizons.2.toMonth');
    const order = structuredClone(base);
    [order.stages[0], order.stages[1]] = [order.stages[1], order.stages[0]];
    expect(refusal(() => parseTemplate(order)).path).toBe('stages.0.level');
  });

  it('text that is valid but hostile (markup, links, bidi controls) is kept as typed, cleaned, and cannot break the export', () => {
    const t = structuredClone(base);
    t.dimensions[0].name = '<script>alert(1)</script> | **Lead** \u202Eevil';
    t.dimensions[0].playbook.firstSteps[0].text = '[click](javascript:alert(1)) # {serves}';
    t.stages[1].name = '|Broad|';
    t.settings.serves = 'members <b>';
    const model = modelOf(parseTemplate(t));
    expect(model.dimensions[0]!.name).toBe('<script>alert(1)</script> | **Lead** evil');
    const ids = ['a', 'b', 'c'];
    const board = makeBoard({
      dimensions: model.dimensions,
      playbooks: model.playbooks,
      settings: model.settings,
      participants: ids.map((id) => participant(id)),
      markers: markersOn(ids, 'leadership', [1, 1, 1], [3, 3, 3]),
    });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    expect(md).toContain('\\<script\\>');
  });
});

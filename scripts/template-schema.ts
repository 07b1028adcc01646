/**
 * Writes shared/templates/template.schema.json, the JSON Schema people edit a
 * workshop template with (completion and checks in any editor that reads
 * `$schema`), generated from the zod schema in shared/schema/template-file.ts, the one
 * truth. Run after changing the template format, and commit the result:
 * node --import tsx scripts/template-schema.ts
 * (tests/unit/template.test.ts fails while the committed file differs.)
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { TEMPLATE_FORMAT, TEMPLATE_VERSION, TemplateSchema } from '../shared/schema/template-file.ts';

export const SCHEMA_FILE = 'shared/templates/template.schema.json';

/** The schema file's text, as committed. */
export function templateJsonSchema(): string {
  const schema = z.toJSONSchema(TemplateSchema, { io: 'input', target: 'draft-2020-12' });
  const out = {
    $schema: schema.$schema,
    title: `Social Shift workshop template, version ${TEMPLATE_VERSION}`,
    description: `Everything that defines a workshop before anyone joins: stage names, dimensions (poles, descriptors per stage, prompts, enabler flag, first steps and benchmarks), horizons and settings. "format" is "${TEMPLATE_FORMAT}". Generated from shared/schema/template-file.ts by scripts/template-schema.ts: do not edit by hand.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(resolve(root, SCHEMA_FILE), templateJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}

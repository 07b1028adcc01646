/**
 * The house rules that only folders can show, held by a test: `shared/` is
 * layered (each layer imports only the ones below it), only the schema layer
 * may use zod, the phone's code takes nothing but types from the schema layer,
 * and no import circle exists anywhere in server/, client/ or shared/.
 *
 * A type-only import (`import type`, or every name marked `type`) is erased at
 * build time, so the client may use the protocol's types; any value import
 * from shared/schema/ would pull zod into the phone's bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Lowest first: a file may import its own layer and those before it. */
export const SHARED_LAYERS = ['domain', 'rules', 'wire', 'doc', 'roadmap', 'schema'] as const;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Edge[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const edges: Edge[] = [];
  for (const m of src.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5];
    if (!spec) continue;
    // Every named binding marked `type` counts as type-only too: `import { type A, type B } from`.
    const names = m[3] ?? '';
    const braced = /^\{([^}]*)\}$/.exec(names.trim());
    const allTyped =
      braced !== null &&
      (braced[1] ?? '')
        .split(',')
        .filter((s) => s.trim())
        .every((s) => /^\s*type\s/.test(s));
    const typeOnly = Boolean(m[2]) || allTyped;
    const to = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)) : spec;
    edges.push({ from: file, to, typeOnly });
  }
  return edges;
}

const files = ['server', 'client', 'shared'].flatMap(sourceFiles);
const edges = files.flatMap(importsOf);
const layerOf = (file: string): number => SHARED_LAYERS.indexOf(file.split(path.sep)[1] as (typeof SHARED_LAYERS)[number]);

/** Every import circle, as the files on it (Tarjan's strongly connected components). */
export function circles(nodes: readonly string[], out: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (out.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return found;
}

describe('the layers', () => {
  it('finds the imports it judges (a parser that saw nothing would pass everything)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.filter((e) => e.to.startsWith('shared/schema/')).length).toBeGreaterThan(10);
    expect(edges.some((e) => e.from.startsWith('client/') && e.typeOnly)).toBe(true);
  });

  it('has no import circle in server/, client/ or shared/, type imports included', () => {
    const out = new Map<string, string[]>();
    for (const e of edges) if (files.includes(e.to)) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    expect(circles(files, out)).toEqual([]);
  });

  it('reports a circle when there is one', () => {
    const out = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(['a', 'b', 'c', 'd'], out)).toEqual([['a', 'b', 'c']]);
  });

  it('puts every shared file in a layer, and each layer imports only those below it', () => {
    const shared = files.filter((f) => f.startsWith('shared/'));
    expect(shared.filter((f) => layerOf(f) < 0)).toEqual([]);
    const upward = edges
      .filter((e) => e.from.startsWith('shared/') && e.to.startsWith('shared/') && e.to.endsWith('.ts'))
      .filter((e) => layerOf(e.to) > layerOf(e.from))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('keeps shared/ free of the server and the client', () => {
    const outward = edges.filter((e) => e.from.startsWith('shared/') && /^(server|client)\//.test(e.to));
    expect(outward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('lets only the schema layer use zod', () => {
    const zodUsers = edges.filter(
      (e) => e.to === 'zod' && e.from.startsWith('shared/') && layerOf(e.from) !== SHARED_LAYERS.indexOf('schema'),
    );
    expect(zodUsers.map((e) => e.from)).toEqual([]);
  });

  it("gives the client nothing but types from the schema layer, and no zod at all (the phone's bundle)", () => {
    const bad = edges
      .filter((e) => e.from.startsWith('client/'))
      .filter(
        (e) =>
          e.to === 'zod' || e.to.startsWith('zod/') || (e.to.startsWith('shared/schema/') && !e.typeOnly) || e.to.startsWith('server/'),
      );
    expect(bad.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('keeps the server out of the client', () => {
    expect(edges.filter((e) => e.from.startsWith('server/') && e.to.startsWith('client/')).map((e) => e.from)).toEqual([]);
  });
});

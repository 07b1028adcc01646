/**
 * The phone's JavaScript: a production build (vite build, into a temporary
 * folder so the shared dist/ is left alone) and the gzipped size of every
 * chunk the join page and the participant app load: the entry with its static
 * imports, plus the lazily loaded Join view with its static imports (which
 * include the participant app). Facilitator and projector chunks are not loaded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface ClientSize {
  outDir: string;
  files: string[];
  jsRawKB: number;
  jsGzipKB: number;
  cssGzipKB: number;
}

export function buildClient(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-client-'));
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  // As `npm run build` does: brotli/gzip siblings that the server sends as they are.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/compress-assets.mjs'), outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

export function participantJs(outDir: string): ClientSize {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    seen.add(key);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  const join = Object.keys(manifest).find((k) => /(^|\/)views\/Join\.svelte$/.test(k));
  if (!entry || !join) throw new Error('entry or Join view not found in the manifest');
  visit(entry);
  visit(join);
  const files = [...seen].map((k) => manifest[k]!.file);
  const size = (f: string, gz: boolean) => {
    const buf = fs.readFileSync(path.join(outDir, f));
    return (gz ? zlib.gzipSync(buf, { level: 9 }).byteLength : buf.byteLength) / 1024;
  };
  return {
    outDir,
    files,
    jsRawKB: files.reduce((s, f) => s + size(f, false), 0),
    jsGzipKB: files.reduce((s, f) => s + size(f, true), 0),
    cssGzipKB: [...css].reduce((s, f) => s + size(f, true), 0),
  };
}

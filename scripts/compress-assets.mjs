#!/usr/bin/env node
/**
 * Writes .br and .gz siblings of the built client's text assets, which
 * @fastify/static serves as they are (preCompressed) to browsers that accept
 * them: a phone on venue Wi-Fi downloads ~80 KB of JavaScript, not ~230 KB,
 * and the server compresses nothing per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

// The built client, or another build folder given as the first argument (the benchmark builds into a temp folder).
const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');
const TEXT = /\.(js|css|html|svg|json|txt|webmanifest)$/;

let files = 0;
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.test(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  const data = fs.readFileSync(file);
  if (data.length < 1024) continue;
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  files++;
}
console.log(`compressed ${files} client assets (.br, .gz)`);

// Summarises a .cpuprofile: self time by function and by file, and inclusive time of chosen frames.
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [top=30]
import fs from 'node:fs';
const [file, topArg] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const top = Number(topArg ?? 30);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const name = (n) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
const agg = (key) => {
  const m = new Map();
  for (const [id, t] of self) {
    const k = key(byId.get(id));
    m.set(k, (m.get(k) ?? 0) + t);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
};
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('--- self by function');
for (const [k, t] of agg(name).slice(0, top)) console.log(pct(t), k);
console.log('--- self by package/file');
for (const [k, t] of agg((n) => {
  const u = n.callFrame.url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  return m ? m[1] : u ? u.replace(/^file:\/\/\/work\/main\//, '') : n.callFrame.functionName;
}).slice(0, top))
  console.log(pct(t), k);
// inclusive time per function name (counted once per sample stack)
const incl = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const seen = new Set();
  let id = prof.samples[i];
  while (id !== undefined) {
    const k = name(byId.get(id));
    if (!seen.has(k)) {
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0));
    }
    id = parent.get(id);
  }
}
console.log('--- inclusive');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(pct(t), k);

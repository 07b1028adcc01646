// CPU per edit by what it was spent on, from a `perf record -g` of a server (all its threads):
// each sample goes to the first bucket any frame of its call chain matches. JavaScript frames are
// named when the server ran with --perf-basic-prof (bench/fixed.ts --perf does both).
// Usage: node bench/perf-buckets.mjs PERF.data EDITS [HZ=1999]   (SHOW_OTHER=1 lists what is left over)
import { execSync } from 'node:child_process';
const [file, edits, hzArg] = process.argv.slice(2);
const HZ = Number(hzArg ?? 1999);
const out = execSync(`perf script -i ${file} -F tid,ip,sym 2>/dev/null`, { maxBuffer: 1 << 30, encoding: 'utf8' });
const samples = out
  .split('\n\n')
  .map((b) => b.trim().split('\n'))
  .filter((l) => l.length && l[0]);
const rules = [
  [
    'garbage collection',
    /Scavenger|MarkCompact|ConcurrentMarking|Sweeper|Heap::CollectGarbage|MinorMarkCompact|GCTracer|ArrayBufferSweeper|IncrementalMarking/,
  ],
  [
    'compiling (JIT)',
    /v8::internal::compiler::|v8::internal::Compiler|CompileLazy|v8::internal::Parser|v8::internal::baseline::|OptimizingCompileDispatcher/,
  ],
  ['SQLite (storing before the ack)', /sqliteTransaction|better_sqlite3|sqlite3|storage\/sqlite\.ts/],
  [
    'socket writes',
    /sendPacket|engine\.io\/build\/socket\.js:4|sendFrame|Sender|writeGeneric|writevGeneric|tcp_sendmsg|_writeGeneric|sendUpdate|sync-messages\.ts|realtime\/transport\.ts|DoTryWrite|afterWriteTick|_onSentLast/,
  ],
  ['projection (what each screen may see)', /projection\.ts/],
  ['validation (write rules)', /validate-update\.ts|value-check\.ts/],
  ['applying the update (yjs)', /applyParticipantUpdate|JS:\S* .*yjs\.mjs.*(readUpdateV2|applyUpdate)|readUpdateV2|applyUpdateV2/],
  ['socket reads and parsing', /socketOnData|receiver\.js|onStreamRead|tcp_recvmsg|ReadStart|sio-parser|decoder|onSync/],
  ['waiting for events (epoll)', /epoll/],
  ['the room flush (batching, routing)', /room\.ts|room-manager\.ts/],
];
const counts = new Map(rules.map(([n]) => [n, 0]));
counts.set('other', 0);
for (const s of samples) {
  const chain = s.slice(1).join('\n');
  const hit = rules.find(([, re]) => re.test(chain));
  counts.set(hit ? hit[0] : 'other', counts.get(hit ? hit[0] : 'other') + 1);
}
const us = (n) => ((n / HZ) * 1e6) / Number(edits);
let total = 0;
for (const [k, n] of counts) {
  total += n;
  console.log(`${us(n).toFixed(0).padStart(5)} us/edit  ${k}`);
}
console.log(`${us(total).toFixed(0).padStart(5)} us/edit  total (${total} samples)`);
if (process.env.SHOW_OTHER) {
  const tops = new Map();
  for (const s of samples) {
    const chain = s.slice(1).join('\n');
    if (rules.find(([, re]) => re.test(chain))) continue;
    const frames = s.slice(1).map((l) => l.trim().replace(/^[0-9a-f]+ /, ''));
    const js =
      frames
        .filter((f) => f.startsWith('JS:'))
        .slice(-3)
        .join(' < ') || frames.slice(0, 3).join(' < ');
    tops.set(js, (tops.get(js) ?? 0) + 1);
  }
  for (const [k, n] of [...tops].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(n).padStart(5), k.slice(0, 230));
}

/**
 * `node --import tsx bench/wire-bytes.ts [N]`: where the bytes of one edit go, frame by frame.
 * A room of N phones (default 5) on each server, the Map part revealed (ours), every phone's
 * card written once; then one phone edits its card once and every WebSocket frame each phone
 * sends or receives for that edit is listed with its size on the wire (WebSocket header
 * included: 2 bytes server to client, 6 client to server for payloads under 126 bytes).
 * The same edit as `npm run bench` makes (bench/workload.ts), so the totals match its
 * `bytesPerEdit` with no pings or presence in the window.
 */
import * as Y from 'yjs';
import { startServer, type ServerChild } from './proc.ts';
import { hocuspocusTarget, oursTarget, type Target } from './targets.ts';
import { defaultDimensions } from '../shared/domain/workshop-model.ts';
import type { Conn } from './clients.ts';

const N = Number(process.argv[2] ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DIMS = defaultDimensions().map((d) => d.key);

interface Frame {
  dir: 'in' | 'out';
  bytes: number;
  what: string;
}

/** Wraps the `ws` under a bench connection to list every frame it sends and receives. */
function tap(conn: Conn): Frame[] {
  const frames: Frame[] = [];
  const ws = conn.ws as unknown as WsLike | undefined;
  if (!ws) throw new Error('no ws to tap');
  const describe = (data: unknown): [number, string] => {
    const buf = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
    const text = typeof data === 'string' ? data : `<${buf.length} binary: ${buf.subarray(0, 12).toString('hex')}...>`;
    return [buf.length, text.length > 90 ? `${text.slice(0, 90)}...` : text];
  };
  const send = ws.send.bind(ws);
  ws.send = (data: unknown, ...rest: unknown[]) => {
    const [n, what] = describe(data);
    frames.push({ dir: 'out', bytes: n + (n < 126 ? 6 : 8), what });
    return send(data, ...rest);
  };
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const [n, what] = describe(isBinary ? data : data.toString());
    frames.push({ dir: 'in', bytes: n + (n < 126 ? 2 : 4), what });
  });
  return frames;
}
interface WsLike {
  send: (data: unknown, ...rest: unknown[]) => void;
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
}

function edit(doc: Y.Doc, key: string, index: number, j: number): Uint8Array {
  let out: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (out = u);
  doc.on('update', grab);
  doc.getMap('cards').set(key, {
    kind: 'practice',
    text: `More listening, less broadcasting #${index}.${j}`,
    dimension: DIMS[index % DIMS.length]!,
    stage: 1 + (j % 5),
    createdAt: 1_764_000_000_000,
  });
  doc.off('update', grab);
  return out!;
}

async function measure(server: ServerChild, target: Target): Promise<void> {
  const { room } = await target.makeRoom(N);
  await target.setVisibility([room], 'revealed');
  await sleep(200);
  const conns = room.participants.map((p) => p.connect(false));
  await Promise.all(conns.map((c) => c.synced));
  const docs = conns.map(() => new Y.Doc());
  const acked = (c: Conn, u: Uint8Array) => new Promise<void>((r) => c.sendUpdate(u, () => r()));
  await Promise.all(conns.map((c, i) => acked(c, edit(docs[i]!, target.cardKey(room.participants[i]!.id), i, 0))));
  await sleep(300);
  const taps = conns.map(tap);
  const before = conns.map((c) => c.bytes());
  await acked(conns[0]!, edit(docs[0]!, target.cardKey(room.participants[0]!.id), 0, 1));
  await sleep(300);
  const after = conns.map((c) => c.bytes());
  let total = 0;
  console.log(`\n${server.kind}: one edit in a room of ${N}`);
  taps.forEach((frames, i) => {
    const tcp = after[i]! - before[i]!;
    total += tcp;
    console.log(`  phone ${i}${i === 0 ? ' (writer)' : ''}: ${tcp} bytes on TCP`);
    for (const f of frames) console.log(`    ${f.dir === 'out' ? '->' : '<-'} ${String(f.bytes).padStart(4)}  ${f.what}`);
  });
  console.log(`  total ${total} bytes`);
  for (const c of conns) c.close();
}

for (const kind of ['ours', 'hocuspocus'] as const) {
  const server = await startServer(kind, { core: '0-1' });
  try {
    // No fixture board: rooms start empty.
    const target = kind === 'ours' ? oursTarget(server, {} as never, 0) : hocuspocusTarget(server, new Uint8Array(), 0);
    await measure(server, target);
  } finally {
    await server.stop();
  }
}

/**
 * Records everything a connection receives on the wire and decodes it: every
 * Socket.IO event, and inside each `sync` frame the Yjs structs (client ids,
 * map keys, values). The wire audit asserts the privacy table on what it finds,
 * not on what a screen chooses to show.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'socket.io-client';
import { docName } from '../../shared/schema/protocol.ts';

export interface Received {
  event: string;
  /** Every string found anywhere in the payload: event JSON, Yjs keys and values. */
  strings: Set<string>;
  /** Yjs client ids of every struct and delete range received, by document. */
  clients: Map<string, Set<number>>;
  /** Every plain object value found inside Yjs content, with the document it came in. */
  values: Array<{ doc: string; value: unknown }>;
}

function collect(value: unknown, strings: Set<string>, values: unknown[] | null, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') strings.add(value);
  else if (typeof value === 'number') strings.add(String(value));
  else if (Array.isArray(value)) for (const v of value) collect(v, strings, values, depth + 1);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    values?.push(value);
    for (const [k, v] of Object.entries(value)) {
      strings.add(k);
      collect(v, strings, values, depth + 1);
    }
  }
}

const bytesOf = (data: unknown): Uint8Array | null =>
  data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;

/** Decodes a `sync` frame's Yjs content into `into`. */
export function decodeSyncInto(frame: Uint8Array, into: Received): void {
  const decoder = decoding.createDecoder(frame);
  const doc = docName(decoding.readUint8(decoder)) ?? 'unknown';
  const type = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (type === 0) return; // a state vector: client ids and clocks of this recipient's own document only
  const clients = into.clients.get(doc) ?? new Set<number>();
  into.clients.set(doc, clients);
  const { structs, ds } = Y.decodeUpdate(payload);
  const values: unknown[] = [];
  for (const s of structs) {
    clients.add(s.id.client);
    if (!(s instanceof Y.Item)) continue;
    if (typeof s.parentSub === 'string') into.strings.add(s.parentSub);
    if (typeof s.parent === 'string') into.strings.add(s.parent);
    const c = s.content;
    if (c instanceof Y.ContentAny) for (const v of c.arr) collect(v, into.strings, values);
    else if (c instanceof Y.ContentString) into.strings.add(c.str);
    else if (c instanceof Y.ContentJSON) for (const v of c.arr) collect(v, into.strings, values);
  }
  for (const value of values) into.values.push({ doc, value });
  for (const client of ds.clients.keys()) clients.add(client);
}

/** Everything one connection has received so far, merged. */
export class WireLog {
  readonly events: Received[] = [];

  /** Listens to every incoming event of `socket` (call before it connects). */
  constructor(socket: Socket) {
    socket.onAny((event: string, ...args: unknown[]) => this.add(event, args));
  }

  add(event: string, args: unknown[]): void {
    const r: Received = { event, strings: new Set(), clients: new Map(), values: [] };
    for (const a of args) {
      const bytes = bytesOf(a);
      if (bytes && event === 'sync') decodeSyncInto(bytes, r);
      else if (!bytes) collect(a, r.strings, null);
    }
    this.events.push(r);
  }

  /** Whether `text` appears anywhere this connection received. */
  saw(text: string): boolean {
    return this.events.some((e) => [...e.strings].some((s) => s.includes(text)));
  }

  /** Yjs client ids received in documents other than the recipient's own. */
  clientIds(doc?: string): Set<number> {
    const out = new Set<number>();
    for (const e of this.events) for (const [d, ids] of e.clients) if (!doc || d === doc) for (const id of ids) out.add(id);
    return out;
  }

  /**
   * Values shaped like one person's marker (`{ current, target }` with a stage number), outside
   * `mine`. Room aggregates (per-stage counts, a roadmap summary's medians) have other shapes.
   */
  markerValues(): unknown[] {
    return this.events.flatMap((e) =>
      e.values
        .filter(({ doc, value }) => {
          const o = value as Record<string, unknown>;
          const keys = Object.keys(o);
          return (
            doc !== 'mine' &&
            keys.length > 0 &&
            keys.every((k) => k === 'current' || k === 'target') &&
            (typeof o.current === 'number' || typeof o.target === 'number')
          );
        })
        .map((v) => v.value),
    );
  }

  /** Every object value received in shared documents (`room`, `console`). */
  sharedValues(): Array<Record<string, unknown>> {
    return this.events.flatMap((e) => e.values.filter((v) => v.doc !== 'mine').map((v) => v.value as Record<string, unknown>));
  }

  /** Marks where a phase of the scenario ends, so later checks can look at what came before. */
  mark(): number {
    return this.events.length;
  }

  sawBefore(mark: number, text: string): boolean {
    return this.events.slice(0, mark).some((e) => [...e.strings].some((s) => s.includes(text)));
  }
}

/**
 * A small seeded generator for the fuzzer: one 32-bit seed reproduces a whole
 * run. Random values of every JSON and binary shape, boundary sizes, deep
 * nesting, and mutations of real messages (bit flips, truncations, splices,
 * varint overwrites).
 */
import * as encoding from 'lib0/encoding';

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (this.next() * 256) | 0;
    return out;
  }
  /** A size that is usually small but lands on the interesting boundaries. */
  size(max: number): number {
    return this.pick(
      [0, 1, 2, 3, 7, 15, 16, 64, 127, 128, 255, 256, 1_023, 1_024, 65_535, 65_536, 65_537, this.int(0, 40), this.int(0, max)].filter(
        (n) => n <= max,
      ),
    );
  }
}

const STRINGS = [
  '',
  ' ',
  'a',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '🙂',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'ZZZZZZ',
  '$where',
  "'; DROP TABLE workshops; --",
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  4 * 3_600_000 + 1,
  999,
  1_000,
  50,
  51,
];

export function randomString(rng: Rng, max = 300): string {
  if (rng.chance(0.4)) return rng.pick(STRINGS);
  const len = rng.size(max);
  if (rng.chance(0.3)) return 'x'.repeat(len);
  let s = '';
  for (let i = 0; i < Math.min(len, 2_000); i++) s += String.fromCharCode(rng.chance(0.9) ? rng.int(32, 126) : rng.int(0, 0xffff));
  return s;
}

/** Any JSON-ish value (plus a Uint8Array now and then), up to `depth` levels of containers. */
export function randomValue(rng: Rng, depth = 3): unknown {
  const k = rng.int(0, depth > 0 ? 9 : 6);
  switch (k) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick(NUMBERS);
    case 3:
      return rng.int(-1000, 1000);
    case 4:
      return randomString(rng);
    case 5:
      return undefined;
    case 6:
      return rng.bytes(rng.int(0, 16));
    case 7:
      return Array.from({ length: rng.int(0, 5) }, () => randomValue(rng, depth - 1));
    case 8:
    case 9: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 5); i > 0; i--)
        o[
          rng.chance(0.5)
            ? rng.pick(['type', 'phase', 'settings', 'code', 'token', 'key', 'role', 'v', 'name', 'title'])
            : randomString(rng, 20)
        ] = randomValue(rng, depth - 1);
      return o;
    }
  }
  return null;
}

/** Nested arrays or objects `depth` deep. */
export function deepNest(rng: Rng, depth: number): unknown {
  let v: unknown = rng.pick([1, 'x', null]);
  for (let i = 0; i < depth; i++) v = rng.chance(0.5) ? [v] : { a: v };
  return v;
}

/** A copy of `value` with one field changed: dropped, retyped, pushed past a boundary, or an extra one added. */
export function mutateObject(rng: Rng, value: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = structuredClone(value);
  const keys = Object.keys(out);
  const key = keys.length ? rng.pick(keys) : 'x';
  switch (rng.int(0, 7)) {
    case 0:
      delete out[key];
      break;
    case 1:
      out[key] = randomValue(rng);
      break;
    case 2:
      out[rng.chance(0.5) ? randomString(rng, 12) : '__proto__'] = randomValue(rng);
      break;
    case 3:
      out[key] = typeof out[key] === 'number' ? rng.pick(NUMBERS) : randomString(rng, 70_000);
      break;
    case 4:
      out[key] = deepNest(rng, rng.int(10, 500));
      break;
    case 5:
      out[key] = Array.from({ length: rng.int(0, 3_000) }, () => 1);
      break;
    case 6: {
      const inner = out[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) out[key] = mutateObject(rng, inner as Record<string, unknown>);
      else out[key] = randomValue(rng);
      break;
    }
    default:
      return rng.pick([null, [], 'string', 42, [out], { ...out, type: randomString(rng, 20) }]);
  }
  return out;
}

/** Bit flips, truncation, splicing with another message, insertion, or a varint overwritten with a huge value. */
export function mutateBytes(rng: Rng, bytes: Uint8Array, other?: Uint8Array): Uint8Array {
  const b = new Uint8Array(bytes);
  switch (rng.int(0, 6)) {
    case 0: {
      for (let i = rng.int(1, 4); i > 0 && b.length; i--) b[rng.int(0, b.length - 1)]! ^= 1 << rng.int(0, 7);
      return b;
    }
    case 1:
      return b.subarray(0, rng.int(0, Math.max(0, b.length - 1)));
    case 2: {
      const o = other ?? rng.bytes(8);
      const cut = rng.int(0, b.length);
      return concat(b.subarray(0, cut), o.subarray(rng.int(0, o.length)));
    }
    case 3: {
      const at = rng.int(0, b.length);
      return concat(b.subarray(0, at), rng.bytes(rng.int(1, 8)), b.subarray(at));
    }
    case 4: {
      const at = rng.int(0, b.length);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, rng.pick([0, 0x7f, 0x80, 2 ** 31, 2 ** 32 - 1, Number.MAX_SAFE_INTEGER]));
      return concat(b.subarray(0, at), encoding.toUint8Array(e), b.subarray(Math.min(b.length, at + rng.int(1, 5))));
    }
    case 5: {
      // Duplicate a slice in place (repeats structs or delete ranges).
      const from = rng.int(0, b.length);
      const to = rng.int(from, b.length);
      return concat(b.subarray(0, to), b.subarray(from, to), b.subarray(to));
    }
    default: {
      if (b.length) b[rng.int(0, b.length - 1)] = rng.pick([0, 0xff, 0x7f, 0x80, 116, 117, 118, 119]);
      return b;
    }
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A phone that drops while the server is still checking its handshake (bad
 * Wi-Fi, a reload) must not leave a connection behind. Storage is async by
 * contract (a networked backend sits behind the same interface), so the
 * transport can close during the token lookup; the seat it would have taken
 * is given back, or after four such drops the person could never connect
 * again (TOO_MANY_CONNECTIONS) and the room would never unload.
 */
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { connected, createWorkshop, eventually, join, rawSocket } from '../helpers/clients.ts';
import { startServer, tempDir, type TestServer } from '../helpers/server.ts';

/** SQLite, with the token lookup taking a network round trip's time. */
function slowTokenLookup(storage: Storage, ms: number): Storage {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop === 'findParticipantByToken') {
        return async (code: string, hash: string) => {
          await new Promise((r) => setTimeout(r, ms));
          return target.findParticipantByToken(code, hash);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a handshake abandoned half way', () => {
  it('gives its seat back: the person can still connect, and the room holds no ghost connection', async () => {
    const dataDir = tempDir();
    server = await startServer({ DATA_DIR: dataDir }, { storage: slowTokenLookup(openSqliteStorage(dataDir), 40) });
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana');
    const room = await server.app.rooms.get(w.code);
    const port = new URL(server.url).port;
    const auth = JSON.stringify({ v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: ana.token });

    // More drops than the per-participant cap (4), each while the token is being looked up.
    for (let i = 0; i < 6; i++) {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
      await new Promise((r) => ws.once('message', r));
      ws.send(`40${auth}`);
      await new Promise((r) => setTimeout(r, 5));
      ws.terminate();
    }
    await new Promise((r) => setTimeout(r, 200));
    await eventually(() => room.connections.size === 0, 2_000, 'abandoned handshakes still hold connections');

    const socket = rawSocket(server.url, JSON.parse(auth));
    await connected(socket);
    expect(room.connections.size).toBe(1);
    socket.close();
    await eventually(() => room.connections.size === 0);
  });
});

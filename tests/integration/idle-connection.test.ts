/**
 * What an idle connection keeps on the server (server/realtime/lean-connections.ts):
 * not the HTTP upgrade request, not the handshake's headers or the phone's token,
 * and not Engine.IO's stand-in response for the upgrade; and it still syncs.
 *
 * The stand-in response is held to what it costs, not to how the workaround finds it: on a
 * plain Socket.IO server beside ours, the TCP socket keeps the response alive with one more
 * `close` listener than ours has. Should Engine.IO change so the workaround misses it, ours
 * keeps it too and this fails; should Engine.IO stop keeping it, the plain server's check
 * fails, and the workaround can go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { putCard } from '../../shared/doc/private-doc.ts';
import { closeAll, connected, createWorkshop, eventually, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** What an upgrade left: its TCP socket and, weakly, Engine.IO's stand-in response. */
interface Upgrade {
  tcp: NetSocket;
  response: WeakRef<object>;
}

/** An Engine.IO middleware, run after any other, that notes each upgrade without keeping its response. */
function watchUpgrades(engine: Server['engine']): Upgrade[] {
  const seen: Upgrade[] = [];
  engine.use((_req: IncomingMessage, res: unknown, next: () => void) => {
    const r = res as { socket?: NetSocket };
    if (r.socket && (r as object).constructor.name !== 'ServerResponse') seen.push({ tcp: r.socket, response: new WeakRef(res as object) });
    next();
  });
  return seen;
}

/** Whether the response outlives a full garbage collection, with nothing of ours holding it. */
async function retained(upgrade: Upgrade): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return upgrade.response.deref() !== undefined;
}

let server: TestServer;
let ours: Upgrade[];
beforeAll(async () => {
  server = await startServer();
  ours = watchUpgrades(server.app.io.engine);
});
afterAll(async () => {
  await server.close();
});

describe('an idle connection', () => {
  it('keeps neither the upgrade request, the handshake headers, the token, nor the stand-in response, and still syncs', async () => {
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana');
    const phone = participant(server.url, w.code, ana.token);
    try {
      await phone.whenSynced();
      const [socket] = await server.app.io.fetchSockets();
      const local = server.app.io.sockets.sockets.get(socket!.id)!;
      expect((local.conn as unknown as { request: unknown }).request).toBeNull();
      expect(JSON.stringify(local.handshake)).not.toContain(ana.token);
      expect(local.handshake.headers).toEqual({});
      expect(local.handshake.address).toBeTruthy();
      expect(ours).toHaveLength(1);
      expect(await retained(ours[0]!)).toBe(false);

      expect(
        await phone.write((d) =>
          putCard(d, 'c1', { kind: 'practice', text: 'Still here', dimension: 'brand', stage: 2, createdAt: Date.now() }),
        ),
      ).toEqual({ ok: true, queued: false });
      await eventually(() => phone.pending === 0);
    } finally {
      closeAll(phone);
    }
  });

  it('has one close listener fewer on its TCP socket than on a plain Socket.IO server, which keeps the response with it', async () => {
    const http = createServer();
    const plain = new Server(http, { serveClient: false });
    const theirs = watchUpgrades(plain.engine);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    const bare = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana');
    const phone = participant(server.url, w.code, ana.token);
    try {
      await connected(bare);
      await phone.whenSynced();
      const mine = ours.at(-1)!;
      expect(theirs).toHaveLength(1);
      expect(await retained(theirs[0]!)).toBe(true);
      expect(await retained(mine)).toBe(false);
      expect(mine.tcp.listenerCount('close')).toBe(theirs[0]!.tcp.listenerCount('close') - 1);
    } finally {
      closeAll(phone);
      bare.close();
      await plain.close();
    }
  });
});

/**
 * What an idle connection keeps on the server (server/realtime/lean-connections.ts):
 * not the HTTP upgrade request, not the handshake's headers or the phone's token,
 * and not Engine.IO's stand-in response for the upgrade; and it still syncs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket as NetSocket } from 'node:net';
import { putCard } from '../../shared/doc/private-doc.ts';
import { closeAll, createWorkshop, eventually, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
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
      const tcp = (local.conn as unknown as { transport: { socket: { _socket: NetSocket } } }).transport.socket._socket;
      expect(tcp.listeners('close').map(String)).not.toContain('() => this.emit("close")');

      expect(await phone.write((d) => putCard(d, 'c1', { kind: 'practice', text: 'Still here', dimension: 'brand', stage: 2, createdAt: Date.now() }))).toEqual({ ok: true, queued: false });
      await eventually(() => phone.pending === 0);
    } finally {
      closeAll(phone);
    }
  });
});

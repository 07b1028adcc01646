/**
 * The rooms' transport over Socket.IO: a document update is framed once and
 * written to every recipient as the same pre-encoded packet; presence and
 * closing go through the sockets as events.
 */
import type { RoomTransport } from '../rooms/room.ts';
import type { IO } from './socket-server.ts';
import { encodeUpdate } from './sync-messages.ts';
import { sendFrames, syncFrames } from './ws-frames.ts';

export function socketTransport(io: IO): RoomTransport {
  const socketOf = (id: string) => io.sockets.sockets.get(id);
  return {
    sendUpdate(connections, doc, update) {
      let message: Uint8Array | null = null;
      let frames: Buffer[] | null = null;
      const msg = () => (message ??= encodeUpdate(doc, update));
      const once = () => (frames ??= syncFrames(msg()));
      for (const id of connections) {
        const socket = socketOf(id);
        if (socket && !sendFrames(socket, once)) socket.emit('sync', msg());
      }
    },
    sendPresence(connections, payload) {
      for (const id of connections) socketOf(id)?.emit('presence', payload);
    },
    close(connections, reason) {
      for (const id of [...connections]) {
        const socket = socketOf(id);
        if (!socket) continue;
        socket.emit('closed', { reason });
        socket.disconnect(true);
      }
    },
  };
}

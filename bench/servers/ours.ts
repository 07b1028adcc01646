/**
 * Our server as a benchmark child: the real app (server/app.ts) with nothing
 * added to its code paths, plus an IPC channel that reports process.cpuUsage(),
 * the heap after a full GC, the number of live rooms, and seeds a stored board.
 * Configuration comes from the environment, as for server/index.ts.
 */
import { loadConfig } from '../../server/config.ts';
import { buildApp } from '../../server/app.ts';
import { serveIpc } from './ipc.ts';

const config = loadConfig();
const app = await buildApp(config);
await app.http.listen({ port: config.port, host: config.host });
const address = app.http.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

serveIpc({
  rooms: () => app.rooms.size,
  /** Appends a stored update to a workshop that is not loaded yet (a board built earlier). */
  seed: async (msg) => {
    const code = msg.code as string;
    if (app.rooms.peek(code)) throw new Error('room already loaded');
    await app.storage.appendUpdates([{ code, doc: 'board', update: new Uint8Array(Buffer.from(msg.update as string, 'base64')) }]);
    return true;
  },
  stop: async () => {
    await app.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ ready: true, port });

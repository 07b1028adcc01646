/**
 * Hocuspocus 3.x as a benchmark child: quiet, no extensions, default settings,
 * the same yjs as ours (npm dedupes it to one copy). IPC reports process.cpuUsage(),
 * the heap after a full GC and the number of loaded documents.
 */
import { Server } from '@hocuspocus/server';
import { serveIpc } from './ipc.ts';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();

serveIpc({
  rooms: () => server.hocuspocus.documents.size,
  stop: async () => {
    await server.destroy();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ ready: true, port: server.address.port });

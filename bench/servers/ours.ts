/**
 * Our server as a benchmark child: the real app (server/app.ts) with nothing
 * added to its code paths, plus an IPC channel that reports process.cpuUsage(),
 * the heap after a full GC, the number of live rooms, and seeds a stored board.
 * Configuration comes from the environment, as for server/index.ts.
 */
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { buildApp } from '../../server/app.ts';
import { LEDGER_DOC, privateDocName } from '../../server/rooms/docs.ts';
import type { DocUpdate } from '../../server/storage/storage.ts';
import { fixtureContent, writeOursFixture } from '../fixture.ts';
import { serveIpc } from './ipc.ts';

const config = loadConfig();
const app = await buildApp(config);
await app.http.listen({ port: config.port, host: config.host });
const address = app.http.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

serveIpc({
  rooms: () => app.rooms.size,
  /**
   * Seeds the fixture board (bench/fixture.ts) into a workshop that is not loaded yet: its
   * ledger and every participant's own document, appended to storage as the room would store them.
   */
  seed: async (msg) => {
    const code = msg.code as string;
    if (app.rooms.peek(code)) throw new Error('room already loaded');
    const stored = await app.storage.loadDocuments(code);
    const ledger = new Y.Doc();
    for (const u of stored.get(LEDGER_DOC)?.updates ?? []) Y.applyUpdate(ledger, u);
    const before = Y.encodeStateVector(ledger);
    const privates = new Map<string, Y.Doc>();
    const docOf = (pid: string) => privates.get(pid) ?? privates.set(pid, new Y.Doc()).get(pid)!;
    const seeded = writeOursFixture(fixtureContent(msg.options as Parameters<typeof fixtureContent>[0]), ledger, docOf);
    const batch: DocUpdate[] = [{ code, doc: LEDGER_DOC, update: Y.encodeStateAsUpdate(ledger, before) }];
    for (const [pid, doc] of privates) batch.push({ code, doc: privateDocName(pid), update: Y.encodeStateAsUpdate(doc) });
    await app.storage.appendUpdates(batch);
    ledger.destroy();
    for (const doc of privates.values()) doc.destroy();
    return seeded;
  },
  stop: async () => {
    await app.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ ready: true, port });

/**
 * Workshops stored by the first version (one shared document per workshop, in
 * `tests/fixtures/v1-store`, made by that version) open after the upgrade with
 * nothing lost: people, cards, markers, votes, the roadmap and its edits, the
 * removal, the keys and tokens already handed out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMyCards, readMyMarkers, readMyVotes } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION, type WorkshopLinksReply } from '../../shared/schema/protocol.ts';
import { api, closeAll, eventually, facilitator, participant, rawSocket, viewer } from '../helpers/clients.ts';
import { startServer, tempDir, type TestServer } from '../helpers/server.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/v1-store');
const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'workshops.json'), 'utf8')) as {
  named: { code: string; facilitatorKey: string; participants: Array<{ id: string; name: string; token: string }> };
  anonymous: { code: string; facilitatorKey: string; participants: Array<{ id: string; name: string; token: string }> };
};

let server: TestServer;
beforeAll(async () => {
  const dir = tempDir();
  fs.copyFileSync(path.join(FIXTURE, 'social-shift.db'), path.join(dir, 'social-shift.db'));
  server = await startServer({ DATA_DIR: dir });
});
afterAll(async () => {
  await server.close();
});

describe('upgrade from the first version', () => {
  it('a named workshop keeps its people, cards, markers, votes and edited roadmap, and its links still work', async () => {
    const w = fixture.named;
    const [ada, ben, cora] = w.participants as [(typeof w.participants)[0], (typeof w.participants)[0], (typeof w.participants)[0]];
    const f = facilitator(server.url, w.code, w.facilitatorKey);
    const pa = participant(server.url, w.code, ada.token);
    try {
      await Promise.all([f.whenSynced(), pa.whenSynced()]);
      const board = readRoomBoard(f.room, { console: f.console });
      expect(board.title).toBe('Named offsite');
      expect(board.phase).toBe('roadmap');
      // Cora was removed: she stays removed, and her card and markers no longer count.
      expect(board.people.map((p) => p.name)).toEqual(['Ada Quinn', 'Ben Osei']);
      expect(board.cards.map((c) => c.text).sort()).toEqual([
        'Every public reply needs two managers\u2019 approval',
        'Our agency writes every post',
        'The agency contract runs to March',
      ]);
      // Named: revealed cards carry their author.
      expect(board.cards.find((c) => c.text.startsWith('Every public reply'))?.author).toBe('Ada Quinn');
      // Two answers left on Leadership: fewer than the three a distribution needs, so only the count shows.
      expect(board.stats.answers.leadership).toBe(2);
      expect(board.dists.leadership).toBeUndefined();
      // Ben's two votes on Leadership; Cora's vote on Ada's card went with her removal.
      expect(board.votes).toMatchObject({ 'dim:leadership': 2 });
      // The roadmap and the edit Ada made to it.
      const first = board.roadmap!.initiatives[0]!;
      expect(first).toMatchObject({ owner: 'Ada', benchmark: 'Replies within 4 hours' });
      expect(first.edited).toEqual(expect.arrayContaining(['owner', 'benchmark']));
      // Ada's phone finds her own card and markers in her own document.
      const mine = pa.mine!;
      expect(readMyCards(mine).map((c) => c.text)).toEqual([
        'Every public reply needs two managers\u2019 approval',
        'The agency contract runs to March',
      ]);
      expect(readMyMarkers(mine)).toMatchObject({ leadership: { current: 1, target: 4 }, brand: { current: 2, target: 3 } });
      expect(readMyVotes(mine)).toEqual({});
      // Ben's votes came along into his own document.
      const pb = participant(server.url, w.code, ben.token);
      await pb.whenSynced();
      expect(readMyVotes(pb.mine!)).toEqual({ 'dim:leadership': 2 });
      pb.close();
      // Cora's token is refused as removed, in words.
      const c = rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: cora.token });
      const refusal = await new Promise((resolve) => c.once('connect_error', (err) => resolve((err as Error & { data: unknown }).data)));
      expect(refusal).toMatchObject({ code: 'REMOVED' });
      c.close();
      // The workshop now has a projector key of its own.
      const links = await api<WorkshopLinksReply>(server.url, 'GET', `/api/workshops/${w.code}/links`, undefined, {
        authorization: `Bearer ${w.facilitatorKey}`,
      });
      const key = /#view=(.+)$/.exec(links.json.boardUrl!)![1]!;
      const v = viewer(server.url, w.code, key);
      await v.whenSynced();
      expect(readRoomBoard(v.room).roadmap?.initiatives[0]?.owner).toBe('Ada');
      v.close();
      // It upgrades once: stored in the new layout, it opens again the same.
      const stored = await server.app.storage.getWorkshop(w.code);
      expect(stored).toMatchObject({ format: 2 });
      expect([...(await server.app.storage.loadDocuments(w.code)).keys()].sort()).toEqual(
        ['ledger', ...w.participants.map((p) => `p:${p.id}`)].sort(),
      );
    } finally {
      closeAll(f, pa);
    }
  });

  it('an anonymous workshop comes through with no name on any card', async () => {
    const w = fixture.anonymous;
    const f = facilitator(server.url, w.code, w.facilitatorKey);
    const pb = participant(server.url, w.code, w.participants[1]!.token);
    try {
      await Promise.all([f.whenSynced(), pb.whenSynced()]);
      const seen = readRoomBoard(pb.room);
      expect(seen.cards).toHaveLength(3);
      expect(seen.cards.every((c) => c.author === null)).toBe(true);
      expect(seen.people).toEqual([]);
      await eventually(() => readRoomBoard(f.room, { console: f.console }).people.length === 2);
      const exported = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, {
        authorization: `Bearer ${w.facilitatorKey}`,
      });
      expect(exported.status).toBe(200);
      for (const p of w.participants) expect(exported.text).not.toContain(p.name);
      expect(exported.text).toContain('Replies within 4 hours');
    } finally {
      closeAll(f, pb);
    }
  });
});

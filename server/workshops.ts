/**
 * Workshop lifecycle behind the HTTP routes: create, look up, join, authorise
 * the facilitator, export, delete, expire. Transport-free.
 */
import * as Y from 'yjs';
import { AppError } from '../shared/errors.ts';
import { initBoard, maps, readBoard } from '../shared/board.ts';
import type { CreateWorkshopBody, WorkshopInfoReply } from '../shared/protocol.ts';
import { generateRoadmap } from '../shared/roadmap.ts';
import { exportFileName, toMarkdown } from '../shared/markdown.ts';
import { StorageConflict, type Storage, type WorkshopRecord } from './storage/storage.ts';
import type { RoomManager } from './rooms/room-manager.ts';
import { buildDimensions } from './rooms/template.ts';
import { hashSecret, newId, newRoomCode, newSecret, secretMatches } from './security/secrets.ts';

export interface WorkshopServiceOptions {
  storage: Storage;
  rooms: RoomManager;
  maxParticipants: number;
  retentionMs: number;
  now?: () => number;
}

export class WorkshopService {
  constructor(private readonly opts: WorkshopServiceOptions) {}

  private get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  async create(body: CreateWorkshopBody): Promise<{ code: string; facilitatorKey: string }> {
    const dimensions = buildDimensions(body.dimensions);
    const doc = new Y.Doc();
    initBoard(doc, { title: body.title, organisation: body.organisation ?? '', dimensions, settings: body.settings });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const facilitatorKey = newSecret();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newRoomCode();
      const record: WorkshopRecord = {
        code,
        title: body.title,
        facilitatorKeyHash: hashSecret(facilitatorKey),
        viewerKey: newSecret(),
        createdAt: this.now,
        lastActiveAt: this.now,
        format: 1,
      };
      try {
        await this.opts.storage.createWorkshop(record, new Map([['board', state]]));
        return { code, facilitatorKey };
      } catch (err) {
        if (!(err instanceof StorageConflict)) throw err;
      }
    }
    throw new AppError('INTERNAL', 'Could not find a free room code.');
  }

  async info(code: string): Promise<WorkshopInfoReply> {
    const room = await this.opts.rooms.get(code);
    const board = readBoard(room.doc);
    return { code, title: board.title, organisation: board.organisation, phase: board.phase, participants: room.participantCount() };
  }

  /** Adds a participant; returns their id and the token their phone keeps. */
  async join(code: string, name: string): Promise<{ participantId: string; token: string; name: string }> {
    const room = await this.opts.rooms.get(code);
    if (room.participantCount() >= this.opts.maxParticipants) throw new AppError('ROOM_FULL');
    const participantId = newId();
    const token = newSecret();
    const joinedAt = this.now;
    await this.opts.storage.addParticipant({ code, id: participantId, name, tokenHash: hashSecret(token), joinedAt, removed: false });
    await room.addParticipant(participantId, name, joinedAt);
    await this.opts.storage.touchWorkshop(code, joinedAt);
    return { participantId, token, name };
  }

  /** Throws unless `key` is this workshop's facilitator key. */
  async authoriseFacilitator(code: string, key: string | undefined): Promise<WorkshopRecord> {
    if (!key) throw new AppError('UNAUTHENTICATED');
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    if (!secretMatches(key, workshop.facilitatorKeyHash)) throw new AppError('FORBIDDEN', 'That key does not open this workshop.');
    return workshop;
  }

  async participantByToken(code: string, token: string) {
    const p = await this.opts.storage.findParticipantByToken(code, hashSecret(token));
    if (!p) return null;
    return p;
  }

  async removeParticipantRecord(code: string, participantId: string): Promise<void> {
    await this.opts.storage.markParticipantRemoved(code, participantId);
  }

  /** The markdown record of the board and its roadmap (the stored one, or one generated now). */
  async exportMarkdown(code: string): Promise<{ fileName: string; markdown: string }> {
    const room = await this.opts.rooms.get(code);
    const board = readBoard(room.doc);
    const roadmap = board.roadmap ?? generateRoadmap(board);
    const date = new Date(this.now).toISOString().slice(0, 10);
    return { fileName: exportFileName(board.title, date), markdown: toMarkdown(board, roadmap, { date }) };
  }

  async delete(code: string): Promise<void> {
    await this.opts.rooms.discard(code);
    await this.opts.storage.deleteWorkshop(code);
  }

  /** Deletes workshops with no activity for the retention period; returns their codes. */
  async expire(): Promise<string[]> {
    const codes = await this.opts.storage.listInactive(this.now - this.opts.retentionMs);
    const deleted: string[] = [];
    for (const code of codes) {
      const live = this.opts.rooms.peek(code);
      if (live) {
        // Someone is in the room right now: it is not inactive, whatever the stored time says.
        const room = await live.catch(() => null);
        if (room && room.connections.size > 0) continue;
      }
      await this.delete(code);
      deleted.push(code);
    }
    return deleted;
  }

}


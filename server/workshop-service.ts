/**
 * Workshop lifecycle behind the HTTP routes: create (from the default canvas,
 * a template file, or an earlier workshop to run again), look up, join,
 * authorise the facilitator, export (markdown, template, archive), share the
 * room's copy (phones, the report link), delete,
 * expire. Transport-free.
 */
import { createHmac } from 'node:crypto';
import * as Y from 'yjs';
import { AppError } from '../shared/domain/errors.ts';
import { initBoard, readJoinsClosed, readPhase } from '../shared/doc/meta-doc.ts';
import { LIMITS } from '../shared/domain/limits.ts';
import { parseArchive, toArchive, type Archive } from '../shared/schema/archive.ts';
import { baselineFromArchive } from '../shared/schema/archive-baseline.ts';
import { PreviousWorkshopSchema, type CreateWorkshopBody, type WorkshopInfoReply } from '../shared/schema/protocol.ts';
import { generateRoadmap } from '../shared/roadmap/index.ts';
import { fileNameFor } from '../shared/roadmap/markdown/index.ts';
import { roomCopy } from '../shared/roadmap/room-copy.ts';
import { phaseAtLeast } from '../shared/domain/canvas.ts';
import type { BoardState, Roadmap } from '../shared/domain/types.ts';
import { renderExport, reportPage, type ExportedFile, type ExportFormat } from './export-files.ts';
import { parseTemplate, type WorkshopTemplate } from '../shared/schema/template-file.ts';
import { defaultModel, modelOf, templateOf, type WorkshopModel } from '../shared/domain/workshop-model.ts';
import { StorageConflict, type Storage, type WorkshopRecord } from './storage/storage.ts';
import type { RoomManager } from './rooms/room-manager.ts';
import { buildDimensions, playbooksFor } from './rooms/build-dimensions.ts';
import { FORMAT, LEDGER_DOC } from './rooms/docs.ts';
import { ledgerMaps, writeStoredModel } from './rooms/ledger.ts';
import { randomId } from './rooms/room-state.ts';
import { hashSecret, newId, newRoomCode, newSecret, secretMatches } from './security/secrets.ts';

export interface WorkshopServiceOptions {
  storage: Storage;
  rooms: RoomManager;
  maxParticipants: number;
  retentionMs: number;
  now?: () => number;
}

export class WorkshopService {
  constructor(protected readonly opts: WorkshopServiceOptions) {}

  protected get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /**
   * Creates a workshop, all or nothing: the template, the earlier workshop and the settings are
   * read and checked before anything is stored, so a refusal leaves no half-made workshop.
   */
  async create(body: CreateWorkshopBody): Promise<{ code: string; facilitatorKey: string; viewerKey: string }> {
    const template = body.template === undefined ? null : parseTemplate(body.template);
    const earlier = body.previous === undefined ? null : await this.previousArchive(body.previous);
    const model = template ? modelOf(template) : earlier ? modelOf(earlier.template) : this.modelWith(body.dimensions);
    const doc = new Y.Doc();
    initBoard(doc, {
      title: body.title,
      organisation: body.organisation ?? earlier?.workshop.organisation ?? '',
      dimensions: model.dimensions,
      settings: { ...model.settings, ...body.settings },
      stages: model.stages,
    });
    doc.transact(() => {
      writeStoredModel(doc, model);
      if (earlier) ledgerMaps(doc).baseline.set('value', baselineFromArchive(earlier));
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    // The room must have space left to run: what it starts with takes at most a quarter of its cap.
    if (state.byteLength > LIMITS.documentBytesMax / 4)
      throw new AppError('PAYLOAD_TOO_LARGE', "The earlier workshop's plan is too large to start a new workshop from.");
    const facilitatorKey = newSecret();
    const viewerKey = newSecret();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newRoomCode();
      const record: WorkshopRecord = {
        code,
        title: body.title,
        facilitatorKeyHash: hashSecret(facilitatorKey),
        viewerKey,
        createdAt: this.now,
        lastActiveAt: this.now,
        format: FORMAT,
      };
      try {
        await this.opts.storage.createWorkshop(record, new Map([[LEDGER_DOC, state]]));
        return { code, facilitatorKey, viewerKey };
      } catch (err) {
        if (!(err instanceof StorageConflict)) throw err;
      }
    }
    throw new AppError('INTERNAL', 'Could not find a free room code.');
  }

  /** The default canvas, or the facilitator's own list of dimensions on it (the home page's form). */
  private modelWith(dimensions: CreateWorkshopBody['dimensions']): WorkshopModel {
    const model = defaultModel();
    if (!dimensions) return model;
    const defs = buildDimensions(dimensions);
    return { ...model, dimensions: defs, playbooks: playbooksFor(defs, model.playbooks) };
  }

  /** The workshop a re-run compares with: an archive someone sent, or one of this server's, opened with its facilitator key. */
  private async previousArchive(previous: unknown): Promise<Archive> {
    if (typeof previous === 'object' && previous !== null && 'format' in previous) return parseArchive(previous);
    const parsed = PreviousWorkshopSchema.safeParse(previous);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_BODY',
        'previous: an archive (format "social-shift/archive"), or { code, facilitatorKey } of an earlier workshop on this server',
        'previous',
      );
    }
    await this.authoriseFacilitator(parsed.data.code, parsed.data.facilitatorKey);
    return this.archive(parsed.data.code);
  }

  async info(code: string): Promise<WorkshopInfoReply> {
    const room = await this.opts.rooms.get(code);
    const meta = room.state.ledger.getMap<unknown>('meta');
    return {
      code,
      title: String(meta.get('title') ?? ''),
      organisation: String(meta.get('organisation') ?? ''),
      phase: readPhase(room.state.ledger),
      participants: room.participantCount(),
    };
  }

  /** Adds a participant; returns their id and the token their phone keeps. */
  async join(code: string, name: string): Promise<{ participantId: string; token: string; name: string }> {
    const room = await this.opts.rooms.get(code);
    if (readJoinsClosed(room.state.ledger)) throw new AppError('JOINS_CLOSED');
    if (room.participantCount() >= this.opts.maxParticipants) throw new AppError('ROOM_FULL');
    const participantId = newId();
    const token = newSecret();
    const joinedAt = this.now;
    await this.opts.storage.addParticipant({ code, id: participantId, name, tokenHash: hashSecret(token), joinedAt, removed: false });
    await room.addParticipant(participantId, name, joinedAt, randomId());
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

  async exists(code: string): Promise<boolean> {
    return (await this.opts.storage.getWorkshop(code)) !== null;
  }

  /** Throws unless `key` opens the projector view: the viewer key, or the facilitator's own. */
  async authoriseViewer(code: string, key: string | undefined): Promise<WorkshopRecord> {
    if (!key) throw new AppError('UNAUTHENTICATED');
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    if (workshop.viewerKey && secretMatches(key, hashSecret(workshop.viewerKey))) return workshop;
    if (secretMatches(key, workshop.facilitatorKeyHash)) return workshop;
    throw new AppError('FORBIDDEN', 'That projector link is no longer valid; ask the facilitator for the new one.');
  }

  /** The current projector key (the facilitator's console shows its link). */
  async viewerKey(code: string): Promise<string> {
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    return workshop.viewerKey;
  }

  /** A new projector key; links with the old one stop working (the caller closes their connections). */
  async rotateViewerKey(code: string): Promise<string> {
    const viewerKey = newSecret();
    await this.opts.storage.updateWorkshop(code, { viewerKey });
    return viewerKey;
  }

  async participantByToken(code: string, token: string) {
    const p = await this.opts.storage.findParticipantByToken(code, hashSecret(token));
    if (!p) return null;
    return p;
  }

  async removeParticipantRecord(code: string, participantId: string): Promise<void> {
    await this.opts.storage.markParticipantRemoved(code, participantId);
  }

  /** The facilitator's download of the board and its roadmap (the stored one, or one generated now), in one format. */
  async exportFile(code: string, format: ExportFormat): Promise<ExportedFile> {
    const room = await this.opts.rooms.get(code);
    await room.flush();
    const board = room.state.fullBoard();
    return renderExport(board, board.roadmap ?? generateRoadmap(board, this.today()), format, this.today());
  }

  /**
   * What the room may take home (shared/roadmap/room-copy.ts), from the Export phase on; the
   * roadmap is generated from the copy itself when none is stored, so it cannot draw on anything
   * the room has not seen.
   */
  private async roomCopyOf(code: string): Promise<{ board: BoardState; roadmap: Roadmap }> {
    const room = await this.opts.rooms.get(code);
    await room.flush();
    const full = room.state.fullBoard();
    if (!phaseAtLeast(full.phase, 'export')) throw new AppError('COPY_NOT_READY');
    const board = roomCopy(full);
    return { board, roadmap: board.roadmap ?? generateRoadmap(board, this.today()) };
  }

  /** A participant's copy: the room's copy, while the facilitator offers copies (Settings). */
  async participantCopy(code: string, format: ExportFormat): Promise<ExportedFile> {
    const { board, roadmap } = await this.roomCopyOf(code);
    if (!board.settings.participantCopies) throw new AppError('COPIES_OFF');
    return renderExport(board, roadmap, format, this.today());
  }

  /** The page the report link shows: the room's copy. The caller has checked the link's key. */
  async reportPage(code: string): Promise<string> {
    const { board, roadmap } = await this.roomCopyOf(code);
    return reportPage(board, roadmap, this.today());
  }

  /** Throws unless `token` is a participant of this workshop who was not removed; returns their id. */
  async authoriseParticipant(code: string, token: string | undefined): Promise<string> {
    if (!token) throw new AppError('UNAUTHENTICATED');
    if (!(await this.exists(code))) throw new AppError('WORKSHOP_NOT_FOUND');
    const p = await this.participantByToken(code, token);
    if (!p) throw new AppError('FORBIDDEN', 'That token does not open this workshop.');
    if (p.removed) throw new AppError('REMOVED');
    return p.id;
  }

  /** Throws unless `key` is this workshop's current report key (none while the link is revoked). */
  async authoriseReport(code: string, key: string | undefined): Promise<void> {
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    if (!key || !workshop.reportKey || !secretMatches(key, hashSecret(workshop.reportKey))) {
      throw new AppError('FORBIDDEN', 'That report link is no longer valid; ask the facilitator for the new one.');
    }
  }

  /** What the console's Export panel says of sharing and keeping: the report key ('' when none), and when the workshop is deleted. */
  async sharing(code: string): Promise<{ reportKey: string; deletesAt: string; retentionDays: number }> {
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    // The console is open: the workshop is active now, whatever the stored time says (it is touched every few minutes).
    const last = Math.max(workshop.lastActiveAt, this.now);
    return {
      reportKey: workshop.reportKey ?? '',
      deletesAt: new Date(last + this.opts.retentionMs).toISOString(),
      retentionDays: Math.round((this.opts.retentionMs / 86_400_000) * 100) / 100,
    };
  }

  /** A new report key: the old link stops working. */
  async rotateReportKey(code: string): Promise<string> {
    const reportKey = newSecret();
    await this.opts.storage.updateWorkshop(code, { reportKey });
    return reportKey;
  }

  /** No report link any more: the current one stops working. */
  async revokeReportKey(code: string): Promise<void> {
    await this.opts.storage.updateWorkshop(code, { reportKey: '' });
  }

  /** The workshop's model as a template file, as it stands now. */
  async template(code: string): Promise<{ fileName: string; template: WorkshopTemplate }> {
    const room = await this.opts.rooms.get(code);
    const title = String(room.state.ledger.getMap<unknown>('meta').get('title') ?? '');
    return { fileName: fileNameFor(title, 'template', this.today(), 'json'), template: templateOf(room.state.model()) };
  }

  /** The whole workshop as one file (shared/schema/archive.ts says what it holds, and what it never does). */
  async archive(code: string): Promise<Archive> {
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    const room = await this.opts.rooms.get(code);
    await room.flush();
    const board = room.state.fullBoard();
    // Ids a reader of the file can compare but not trace: keyed with a value only this server holds.
    const idFor = (space: 'p' | 'r') => (participantId: string) =>
      `${space}-${createHmac('sha256', workshop.facilitatorKeyHash).update(`${space}:${participantId}`).digest('base64url').slice(0, 16)}`;
    return toArchive({
      board,
      template: templateOf(room.state.model()),
      roadmap: board.roadmap ?? generateRoadmap(board, this.today()),
      createdAt: workshop.createdAt,
      exportedAt: this.now,
      personId: idFor('p'),
      respondentId: idFor('r'),
    });
  }

  archiveFileName(archive: Archive): string {
    return fileNameFor(archive.workshop.title, 'archive', archive.exportedAt.slice(0, 10), 'json');
  }

  private today(): string {
    return new Date(this.now).toISOString().slice(0, 10);
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

/**
 * The workshop service in cluster mode: what needs the live room (info, join, exports) runs on
 * the node that owns it; deleting tells every node; the retention sweep leaves alone any
 * workshop whose room someone holds.
 */
import type { ExportFormat } from '../export-files.ts';
import type { Storage } from '../storage/storage.ts';
import { WorkshopService, type WorkshopServiceOptions } from '../workshop-service.ts';
import type { RoomLeases } from './lease.ts';
import type { ClusterRouter } from './router.ts';

/** The methods that load the room, by name: what another node may ask the owner to run. */
const ON_OWNER = ['info', 'join', 'exportFile', 'participantCopy', 'reportPage', 'template', 'archive'] as const;
type OnOwner = (typeof ON_OWNER)[number];

export class ClusterWorkshops extends WorkshopService {
  constructor(
    opts: WorkshopServiceOptions,
    private readonly cluster: { router: ClusterRouter; leases: RoomLeases; storage: Storage },
  ) {
    super(opts);
  }

  /** Runs one of the room's methods here, for a node that asked (this node owns the room). */
  runLocal(method: string, args: unknown[]): Promise<unknown> {
    if (!(ON_OWNER as readonly string[]).includes(method)) return Promise.reject(new Error(`not a room method: ${method}`));
    const fn = WorkshopService.prototype[method as OnOwner] as (...a: unknown[]) => Promise<unknown>;
    return fn.apply(this, args);
  }

  private async onOwner<T>(method: OnOwner, args: unknown[]): Promise<T> {
    const owner = await this.cluster.router.ownerOf(args[0] as string);
    if (owner === null) return (await this.runLocal(method, args)) as T;
    return (await this.cluster.router.call(owner, method, args)) as T;
  }

  override info(code: string) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['info']>>>('info', [code]);
  }

  override join(code: string, name: string) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['join']>>>('join', [code, name]);
  }

  override exportFile(code: string, format: ExportFormat) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['exportFile']>>>('exportFile', [code, format]);
  }

  override participantCopy(code: string, format: ExportFormat) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['participantCopy']>>>('participantCopy', [code, format]);
  }

  override reportPage(code: string) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['reportPage']>>>('reportPage', [code]);
  }

  override template(code: string) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['template']>>>('template', [code]);
  }

  override archive(code: string) {
    return this.onOwner<Awaited<ReturnType<WorkshopService['archive']>>>('archive', [code]);
  }

  /** Deletes the rows (with the fence, so the owner's next write fails), then every node closes the room. */
  override async delete(code: string): Promise<void> {
    await this.cluster.storage.deleteWorkshop(code);
    await this.cluster.router.announceDeleted(code).catch(() => {});
  }

  override async expire(): Promise<string[]> {
    const codes = await this.cluster.storage.listInactive(this.now - this.opts.retentionMs);
    const deleted: string[] = [];
    for (const code of codes) {
      // A room someone holds is in use somewhere, whatever the stored time says.
      if (await this.cluster.leases.holder(code)) continue;
      await this.delete(code);
      deleted.push(code);
    }
    return deleted;
  }
}

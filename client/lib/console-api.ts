/**
 * The HTTP calls only the console and the create page make: create a workshop
 * (from the default canvas, a template file or an earlier workshop), its links,
 * and the markdown export. Apart from api.ts so that the phone never loads them.
 */
import type { CreateWorkshopReply, WorkshopLinksReply, DimensionInput } from '../../shared/schema/protocol.ts';
import type { Settings } from '../../shared/domain/types.ts';
import { call, fetchFile, saveBlob } from './api.ts';

export interface CreateInput {
  title: string;
  organisation?: string;
  dimensions?: DimensionInput[];
  settings?: Partial<Settings>;
  /** A workshop template file, as read (the server checks it). */
  template?: unknown;
  /** A re-run: an archive file as read, or an earlier workshop's code and facilitator key. */
  previous?: unknown;
}

export const createWorkshop = (input: CreateInput) =>
  call<CreateWorkshopReply>('/api/workshops', { method: 'POST', body: JSON.stringify(input) });

export const qrUrl = (code: string) => `/api/workshops/${encodeURIComponent(code)}/qr.svg`;

/**
 * The workshop's links as the server chose them: the machine's LAN address when this page is on
 * localhost. With the facilitator key, also the projector's link with its viewer key.
 */
export const workshopLinks = (code: string, key?: string | null) =>
  call<WorkshopLinksReply>(`/api/workshops/${encodeURIComponent(code)}/links`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

export interface ExportFile {
  fileName: string;
  markdown: string;
}

/** The markdown export and its file name, fetched with the facilitator key. */
export async function fetchExport(code: string, key: string): Promise<ExportFile> {
  const { name, res } = await fetchFile(`/api/workshops/${encodeURIComponent(code)}/export.md`, key);
  return { fileName: name ?? `workshop-${code.toLowerCase()}.md`, markdown: await res.text() };
}

/** Saves an export as a download under its file name. */
export function saveExport({ fileName: name, markdown }: ExportFile): void {
  saveBlob(name, new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
}

/** Fetches the markdown export with the facilitator key and saves it under the server's file name. */
export async function downloadExport(code: string, key: string): Promise<string> {
  const file = await fetchExport(code, key);
  saveExport(file);
  return file.fileName;
}

/**
 * The workshop as files, for the console and the home page (never the phone):
 * the model as a template (`template.json`), the whole workshop as an archive
 * (`archive.json`), and reading one a person picked to start a workshop from.
 */
import { fetchFile, saveBlob } from './api.ts';

/** A JSON file from the server, fetched with the facilitator key (in a header, never in the URL). */
export interface JsonFile {
  fileName: string;
  text: string;
}

export async function fetchJsonFile(code: string, key: string, which: 'template' | 'archive'): Promise<JsonFile> {
  const { name, res } = await fetchFile(`/api/workshops/${encodeURIComponent(code)}/${which}.json`, key);
  return { fileName: name ?? `workshop-${which}.json`, text: await res.text() };
}

/** Fetches one of the workshop's files and saves it under the server's name; returns the name. */
export async function downloadJsonFile(code: string, key: string, which: 'template' | 'archive'): Promise<string> {
  const file = await fetchJsonFile(code, key, which);
  saveBlob(file.fileName, new Blob([file.text], { type: 'application/json;charset=utf-8' }));
  return file.fileName;
}

/** What a picked file is: a template to start from, an archive to run again, or neither (with why). */
export type PickedFile =
  | { kind: 'template'; value: Record<string, unknown>; name: string; dimensions: number }
  | { kind: 'archive'; value: Record<string, unknown>; title: string; organisation: string; date: string }
  | { kind: 'unknown'; why: string };

/** Reads what a person picked. Only the kind is checked here: the server checks the rest, and names the field. */
export async function readPickedFile(file: File): Promise<PickedFile> {
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch {
    return { kind: 'unknown', why: 'This file is not JSON: pick a template or an archive saved from Social Shift.' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { kind: 'unknown', why: 'This file is not a Social Shift template or archive.' };
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  if (v.format === 'social-shift/template') {
    return { kind: 'template', value: v, name: str(v.name), dimensions: Array.isArray(v.dimensions) ? v.dimensions.length : 0 };
  }
  if (v.format === 'social-shift/archive') {
    const w = (v.workshop && typeof v.workshop === 'object' ? v.workshop : {}) as Record<string, unknown>;
    return { kind: 'archive', value: v, title: str(w.title), organisation: str(w.organisation), date: str(w.createdAt).slice(0, 10) };
  }
  return { kind: 'unknown', why: 'This file is not a Social Shift template or archive (its "format" says neither).' };
}

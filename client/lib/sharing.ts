/**
 * The console's side of sharing at the end (never loaded on a phone): the report link (made,
 * renewed, stopped), how long the server keeps the workshop, and copying the report as rich
 * text for an e-mail or a document, and printing it from a window of its own.
 */
import type { SharingReply } from '../../shared/schema/protocol.ts';
import { ApiError, fetchFile } from './api.ts';

async function call<T>(code: string, key: string, method: 'GET' | 'POST' | 'DELETE', what: 'sharing' | 'report-link'): Promise<T | null> {
  let res: Response;
  try {
    res = await fetch(`/api/workshops/${encodeURIComponent(code)}/${what}`, {
      method,
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('OFFLINE', 'No connection to the server.', 0);
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(body?.error?.code ?? 'INTERNAL', body?.error?.message ?? `The server answered ${res.status}.`, res.status);
  return body as T | null;
}

export const sharing = async (code: string, key: string): Promise<SharingReply> => (await call<SharingReply>(code, key, 'GET', 'sharing'))!;

/** A new report link; the one before stops working. */
export const newReportLink = async (code: string, key: string): Promise<string> =>
  (await call<{ reportUrl: string }>(code, key, 'POST', 'report-link'))!.reportUrl;

/** No report link works any more. */
export const stopReportLink = async (code: string, key: string): Promise<void> => void (await call(code, key, 'DELETE', 'report-link'));

/**
 * Puts the report on the clipboard as rich text (HTML) with the markdown as its plain-text
 * fallback, for pasting into an e-mail or a document. Where the browser offers only plain text
 * (no ClipboardItem), the markdown alone; where it offers no clipboard at all (a page served
 * over plain http to another machine), it says so. Returns what was copied.
 */
export async function copyRichText(code: string, key: string): Promise<'rich' | 'plain'> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clipboard)
    throw new ApiError(
      'UNAVAILABLE',
      'This browser offers no clipboard on this page (it needs https or this computer): download the report instead.',
      0,
    );
  const markdown = await (await fetchFile(`/api/workshops/${encodeURIComponent(code)}/export.md`, key)).res.text();
  let html: string | null = null;
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    html = await fetchFile(`/api/workshops/${encodeURIComponent(code)}/export.html`, key)
      .then(({ res }) => res.text())
      .catch(() => null);
  }
  if (html !== null) {
    const item = new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([markdown], { type: 'text/plain' }),
    });
    await clipboard.write([item]);
    return 'rich';
  }
  await clipboard.writeText(markdown);
  return 'plain';
}

/**
 * Opens the report in a new window and asks the browser to print it (the report has its own print
 * stylesheet). The window is opened before the fetch, while the click still counts as the user's
 * gesture, so a popup blocker lets it through; 'blocked' when it does not. The report's window is
 * the same origin (a blob: URL made here), so this page can watch it load and call print() there.
 */
export async function printReport(code: string, key: string): Promise<'printing' | 'blocked'> {
  const win = window.open('', '_blank');
  if (!win) return 'blocked';
  let html: string;
  try {
    html = await (await fetchFile(`/api/workshops/${encodeURIComponent(code)}/export.html`, key)).res.text();
  } catch (e) {
    win.close();
    throw e;
  }
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  win.location.href = url;
  // Polled rather than a load listener: the navigation may swap the window's document under a listener.
  const started = Date.now();
  const timer = setInterval(() => {
    let ready = false;
    try {
      ready = win.location.href === url && win.document.readyState === 'complete';
    } catch {
      ready = false;
    }
    if (ready) win.print();
    if (ready || win.closed || Date.now() - started > 30_000) {
      clearInterval(timer);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }, 100);
  return 'printing';
}

/**
 * A workshop's links, built from an origin. One place for the paths, so the
 * server's replies and the console's panels cannot drift apart. Zod-free: the
 * console imports it.
 */

/** The join link of a workshop (no secret in it). */
export function workshopLinks(origin: string, code: string): { joinUrl: string } {
  return { joinUrl: `${origin}/j/${code}` };
}

/** The projector's link: its own read-only viewer key in the fragment, never the facilitator's. */
export function projectorLink(origin: string, code: string, viewerKey: string): string {
  return `${origin}/board/${code}#view=${encodeURIComponent(viewerKey)}`;
}

/**
 * The report link, for people who were not in the room: its own read-only key in the path,
 * because the page it opens runs no script to read a fragment. It opens the room's copy of the
 * roadmap and nothing else; "New report link" retires it.
 */
export function reportLink(origin: string, code: string, reportKey: string): string {
  return `${origin}${reportPath(code, reportKey)}`;
}

export const reportPath = (code: string, reportKey: string): string => `/r/${code}/${encodeURIComponent(reportKey)}`;

/** The facilitator link: the key travels in the fragment, which a browser never sends to a server. */
export function facilitatorLink(origin: string, code: string, key: string): string {
  return `${origin}/f/${code}#key=${encodeURIComponent(key)}`;
}

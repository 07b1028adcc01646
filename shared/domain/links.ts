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

/** The facilitator link: the key travels in the fragment, which a browser never sends to a server. */
export function facilitatorLink(origin: string, code: string, key: string): string {
  return `${origin}/f/${code}#key=${encodeURIComponent(key)}`;
}

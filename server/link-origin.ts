/**
 * Which address the links this server hands out use: join links, the board
 * link, the facilitator link and the QR code. One choice, made here, for the
 * routes and for the lines `npm start` prints.
 *
 * - `PUBLIC_URL`, when set, always wins.
 * - A request that names one of this server's own non-loopback addresses
 *   (an interface address or the machine's name, with the port it listens on)
 *   keeps that address: it is evidently reachable.
 * - Anything else falls back to the machine's own network address: a loopback
 *   host (`localhost`, `127.0.0.1`: no phone can open it), and any Host header
 *   the server does not recognise (a spoofed header must never end up in a QR
 *   code that a room scans).
 * - With no network address to offer (no LAN interface, or listening on
 *   loopback only), links stay on this computer and say so (`this-computer`),
 *   so the console can warn that phones cannot reach them.
 */
import os from 'node:os';
import type { LinkReach } from '../shared/schema/protocol.ts';

export interface LinkOrigin {
  /** Scheme, host and port, no trailing slash: `http://192.168.1.20:3000`. */
  origin: string;
  reach: LinkReach;
}

/** What the choice needs to know about the machine; tests pass their own. */
export interface Machine {
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  hostname: string;
}

export const thisMachine = (): Machine => ({ interfaces: os.networkInterfaces(), hostname: os.hostname() });

const WILDCARD = new Set(['0.0.0.0', '::', '']);
/** Interfaces a phone in the room is unlikely to share: containers, VMs, VPNs. Listed last, not dropped. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|podman|tun|tap|utun|wg|zt|tailscale)/i;

const isWildcard = (host: string) => WILDCARD.has(host);

function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || /^::ffff:127\./.test(h);
}

/** `[::1]` stays bracketed in a URL; everything else as is. */
const urlHost = (hostname: string) => (hostname.includes(':') ? `[${hostname}]` : hostname);
const originOf = (hostname: string, port: number) => `http://${urlHost(hostname)}${port === 80 ? '' : `:${port}`}`;

/**
 * The machine's IPv4 addresses that a phone on the same network could reach,
 * best first: real interfaces before container, VM and VPN ones, link-local
 * (169.254.x.x) last. The first is the one links use.
 */
export function lanAddresses(machine: Machine = thisMachine()): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, list] of Object.entries(machine.interfaces)) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue;
      const rank = (a.address.startsWith('169.254.') ? 2 : 0) + (VIRTUAL.test(name) ? 1 : 0);
      found.push({ address: a.address, rank });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.address);
}

/** Host names this server answers to, lower case, IPv6 without brackets. */
function ownHostnames(listenHost: string, machine: Machine): Set<string> {
  const own = new Set<string>();
  if (isWildcard(listenHost)) {
    for (const list of Object.values(machine.interfaces)) for (const a of list ?? []) own.add(a.address.toLowerCase().replace(/%.*$/, ''));
    own.add('localhost');
    const name = machine.hostname.toLowerCase();
    if (name) {
      own.add(name);
      if (!name.includes('.')) own.add(`${name}.local`);
    }
  } else {
    own.add(listenHost.toLowerCase());
    if (isLoopback(listenHost)) for (const h of ['localhost', '127.0.0.1', '::1']) own.add(h);
  }
  return own;
}

/** Splits a Host header into name and port; null for anything that is not a plain host name or address. */
export function parseHostHeader(header: string | undefined): { hostname: string; port: number | null } | null {
  if (!header) return null;
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!m) return null;
  const hostname = (m[1] ?? m[2]!).toLowerCase().replace(/\.$/, '');
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && port > 65_535) return null;
  return { hostname, port };
}

export interface LinkOriginInput {
  publicUrl: string | undefined;
  /** The HOST the server listens on (`0.0.0.0` by default). */
  listenHost: string;
  /** The port the server listens on. */
  port: number;
  /** The request's Host header, exactly as received; never X-Forwarded-Host. */
  hostHeader: string | undefined;
  machine?: Machine;
}

/** The origin for links handed out in answer to a request (see the module comment for the rules). */
export function linkOrigin(input: LinkOriginInput): LinkOrigin {
  if (input.publicUrl) return { origin: input.publicUrl.replace(/\/+$/, ''), reach: 'public-url' };
  const machine = input.machine ?? thisMachine();
  const { listenHost, port } = input;
  const asked = parseHostHeader(input.hostHeader);
  const recognised = !!asked && (asked.port ?? 80) === port && ownHostnames(listenHost, machine).has(asked.hostname);
  if (asked && recognised && !isLoopback(asked.hostname)) return { origin: originOf(asked.hostname, port), reach: 'network' };
  if (isWildcard(listenHost)) {
    const lan = lanAddresses(machine)[0];
    if (lan) return { origin: originOf(lan, port), reach: 'network' };
  } else if (!isLoopback(listenHost)) {
    return { origin: originOf(listenHost.toLowerCase(), port), reach: 'network' };
  }
  return { origin: originOf(asked && recognised ? asked.hostname : 'localhost', port), reach: 'this-computer' };
}

/**
 * The lines `npm start` prints: where to open the console on this computer,
 * the address phones use (the same choice as the links), and a warning when
 * phones have none.
 */
export function startBanner(opts: {
  publicUrl: string | undefined;
  listenHost: string;
  port: number;
  trustProxy: boolean;
  machine?: Machine;
}): string[] {
  const machine = opts.machine ?? thisMachine();
  const { port } = opts;
  const chosen = linkOrigin({ publicUrl: opts.publicUrl, listenHost: opts.listenHost, port, hostHeader: `localhost:${port}`, machine });
  const lines = ['Social Shift is running.', `  On this computer:  http://localhost:${port}/`];
  if (chosen.reach === 'public-url') {
    lines.push(`  Join links and QR codes use PUBLIC_URL:  ${chosen.origin}/`);
  } else if (chosen.reach === 'network') {
    lines.push(`  Phones on this network:  ${chosen.origin}/  (join links and QR codes use this one)`);
    const others = isWildcard(opts.listenHost) ? lanAddresses(machine).map((a) => originOf(a, port)) : [];
    for (const o of others.filter((o) => o !== chosen.origin)) lines.push(`  Also on:  ${o}/`);
  } else {
    lines.push(
      isWildcard(opts.listenHost)
        ? "  Phones cannot reach this computer: it has no network address. Join it to the room's Wi-Fi, or set PUBLIC_URL."
        : `  Phones cannot reach this server: it listens on ${opts.listenHost} only. Start it with HOST=0.0.0.0, or set PUBLIC_URL.`,
    );
  }
  if (opts.trustProxy && !opts.publicUrl) lines.push("  Behind a proxy: set PUBLIC_URL, or links will use this machine's own address.");
  return lines;
}

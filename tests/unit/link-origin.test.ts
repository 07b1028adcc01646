/**
 * Which address links use (server/link-origin.ts), on machines described
 * here rather than the one running the test: a laptop on venue Wi-Fi with
 * Docker, a machine with no network, a server bound to one address.
 */
import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, linkOrigin, parseHostHeader, startBanner, type Machine } from '../../server/link-origin.ts';

const v4 = (address: string, internal = false): os.NetworkInterfaceInfo => ({
  address,
  family: 'IPv4',
  internal,
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: `${address}/24`,
});
const v6 = (address: string, internal = false): os.NetworkInterfaceInfo => ({
  address,
  family: 'IPv6',
  internal,
  netmask: 'ffff:ffff:ffff:ffff::',
  mac: '00:00:00:00:00:00',
  cidr: `${address}/64`,
  scopeid: 0,
});

/** A laptop on the venue Wi-Fi, with Docker's bridge listed first. */
const laptop: Machine = {
  hostname: 'facilitator-laptop',
  interfaces: { lo: [v4('127.0.0.1', true), v6('::1', true)], docker0: [v4('172.17.0.1')], wlan0: [v4('192.168.1.20'), v6('fe80::1')] },
};
/** No network at all: only loopback. */
const offline: Machine = { hostname: 'lonely', interfaces: { lo: [v4('127.0.0.1', true), v6('::1', true)] } };

const origin = (hostHeader: string | undefined, machine = laptop, listenHost = '0.0.0.0', publicUrl?: string) =>
  linkOrigin({ publicUrl, listenHost, port: 3000, hostHeader, machine });

describe('linkOrigin', () => {
  it('puts the LAN address in links asked for from localhost or 127.0.0.1, so phones can open them', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST:3000']) {
      expect(origin(host), host).toEqual({ origin: 'http://192.168.1.20:3000', reach: 'network' });
    }
  });

  it('keeps an own network address the request came in on', () => {
    expect(origin('192.168.1.20:3000')).toEqual({ origin: 'http://192.168.1.20:3000', reach: 'network' });
    expect(origin('172.17.0.1:3000')).toEqual({ origin: 'http://172.17.0.1:3000', reach: 'network' });
    expect(origin('facilitator-laptop.local:3000')).toEqual({ origin: 'http://facilitator-laptop.local:3000', reach: 'network' });
    expect(origin('[fe80::1]:3000')).toEqual({ origin: 'http://[fe80::1]:3000', reach: 'network' });
  });

  it('never builds links from a Host header the server does not recognise', () => {
    for (const host of [
      'evil.example',
      'evil.example:3000',
      '192.168.1.99:3000',
      '192.168.1.20:4000',
      '192.168.1.20',
      'a b',
      'x@evil.example',
      '127.0.0.1:3000/path',
      '',
      undefined,
    ]) {
      const o = origin(host);
      expect(o, String(host)).toEqual({ origin: 'http://192.168.1.20:3000', reach: 'network' });
    }
  });

  it('lets PUBLIC_URL win over every Host header, without a trailing slash', () => {
    for (const host of ['localhost:3000', '192.168.1.20:3000', 'evil.example']) {
      expect(origin(host, laptop, '0.0.0.0', 'https://workshop.example.org/')).toEqual({
        origin: 'https://workshop.example.org',
        reach: 'public-url',
      });
    }
  });

  it('stays on this computer, and says so, when there is no network address', () => {
    expect(origin('localhost:3000', offline)).toEqual({ origin: 'http://localhost:3000', reach: 'this-computer' });
    expect(origin('127.0.0.1:3000', offline)).toEqual({ origin: 'http://127.0.0.1:3000', reach: 'this-computer' });
    // A spoofed host gets a loopback address of its own, not the header.
    expect(origin('evil.example:3000', offline)).toEqual({ origin: 'http://localhost:3000', reach: 'this-computer' });
  });

  it('follows HOST: loopback only is this computer; one bound address is that address', () => {
    expect(origin('127.0.0.1:3000', laptop, '127.0.0.1')).toEqual({ origin: 'http://127.0.0.1:3000', reach: 'this-computer' });
    // Listening on loopback only, the LAN address would be a dead link.
    expect(origin('192.168.1.20:3000', laptop, '127.0.0.1')).toEqual({ origin: 'http://localhost:3000', reach: 'this-computer' });
    expect(origin('evil.example', laptop, '192.168.1.20')).toEqual({ origin: 'http://192.168.1.20:3000', reach: 'network' });
  });

  it('leaves out port 80', () => {
    expect(linkOrigin({ publicUrl: undefined, listenHost: '0.0.0.0', port: 80, hostHeader: 'localhost', machine: laptop })).toEqual({
      origin: 'http://192.168.1.20',
      reach: 'network',
    });
    expect(linkOrigin({ publicUrl: undefined, listenHost: '0.0.0.0', port: 80, hostHeader: '192.168.1.20', machine: laptop }).origin).toBe(
      'http://192.168.1.20',
    );
  });
});

describe('lanAddresses', () => {
  it('lists IPv4 addresses phones can reach, real interfaces before bridges and VPNs, link-local last', () => {
    const m: Machine = {
      hostname: 'x',
      interfaces: {
        docker0: [v4('172.17.0.1')],
        eth1: [v4('169.254.3.4')],
        lo: [v4('127.0.0.1', true)],
        tun0: [v4('10.8.0.2')],
        wlan0: [v4('192.168.1.20')],
      },
    };
    expect(lanAddresses(m)).toEqual(['192.168.1.20', '172.17.0.1', '10.8.0.2', '169.254.3.4']);
    expect(lanAddresses(offline)).toEqual([]);
  });
});

describe('parseHostHeader', () => {
  it('reads names, IPv4 and bracketed IPv6, with or without a port', () => {
    expect(parseHostHeader('Example.org.:8080')).toEqual({ hostname: 'example.org', port: 8080 });
    expect(parseHostHeader('[::1]')).toEqual({ hostname: '::1', port: null });
    expect(parseHostHeader('1.2.3.4:99999')).toBeNull();
    expect(parseHostHeader('evil.example/x')).toBeNull();
  });
});

describe('startBanner', () => {
  it('prints the address links use, the same one the routes choose', () => {
    const lines = startBanner({ publicUrl: undefined, listenHost: '0.0.0.0', port: 3000, trustProxy: false, machine: laptop });
    expect(lines).toContain('  On this computer:  http://localhost:3000/');
    expect(lines).toContain('  Phones on this network:  http://192.168.1.20:3000/  (join links and QR codes use this one)');
    expect(lines).toContain('  Also on:  http://172.17.0.1:3000/');
    expect(lines.join('\n')).toContain(origin('localhost:3000').origin);
  });

  it('warns when phones have no address to reach', () => {
    expect(
      startBanner({ publicUrl: undefined, listenHost: '0.0.0.0', port: 3000, trustProxy: false, machine: offline }).join('\n'),
    ).toMatch(/Phones cannot reach this computer/);
    expect(
      startBanner({ publicUrl: undefined, listenHost: '127.0.0.1', port: 3000, trustProxy: false, machine: laptop }).join('\n'),
    ).toMatch(/listens on 127\.0\.0\.1 only/);
    expect(
      startBanner({ publicUrl: 'https://w.example', listenHost: '0.0.0.0', port: 3000, trustProxy: true, machine: laptop }).join('\n'),
    ).toMatch(/PUBLIC_URL:  https:\/\/w\.example\//);
    expect(startBanner({ publicUrl: undefined, listenHost: '0.0.0.0', port: 3000, trustProxy: true, machine: laptop }).join('\n')).toMatch(
      /Behind a proxy: set PUBLIC_URL/,
    );
  });
});

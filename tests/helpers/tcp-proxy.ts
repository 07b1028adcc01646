/**
 * A loopback TCP proxy in front of a real service, to break the network between our code and
 * Redis or PostgreSQL without stopping the shared server:
 * - `cut()` resets every open connection and refuses new ones (a service down, a port closed);
 * - `stall()` keeps connections open but passes nothing, either way, and new ones get nowhere
 *   (a dropped network or a hung server: queries wait for their timeouts);
 * - `restore()` ends either; after a stall, what was held goes through in order.
 */
import net from 'node:net';

export interface TcpProxy {
  /** The target's URL with host and port replaced by the proxy's. */
  url: string;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function tcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const sockets = new Set<net.Socket>();
  let open = true;
  let stalled = false;
  // Bytes held during a stall, in the order they came.
  let held: Array<{ to: net.Socket; data: Buffer }> = [];
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (data: Buffer) => {
      if (stalled) held.push({ to, data });
      else if (!to.destroyed) to.write(data);
    });
  const server = net.createServer((client) => {
    if (!open) return void client.resetAndDestroy();
    const upstream = net.connect({ host: target.hostname, port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut() {
      open = false;
      held = [];
      for (const s of sockets) s.resetAndDestroy();
    },
    stall() {
      stalled = true;
    },
    restore() {
      open = true;
      stalled = false;
      for (const { to, data } of held.splice(0)) if (!to.destroyed) to.write(data);
    },
    close() {
      open = false;
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

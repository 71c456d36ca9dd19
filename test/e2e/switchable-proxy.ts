import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay on loopback in front of a real server: `off()` drops every connection and stops
 * listening (the network to it is gone, as when a bucket's region is down), `on()` listens again
 * on the same port. The server behind it keeps its data.
 */
export async function startSwitchableProxy(upstreamPort: number) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<number>((done) => server.listen(port, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    off: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        for (const s of sockets) s.destroy();
      }),
    on: async () => void (await listen(port)),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        if (server.listening) server.close(() => done());
        else done();
      }),
  };
}

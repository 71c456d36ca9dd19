import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/capture');

/**
 * Serves saved dashboard pages on loopback under self-hosted-looking paths:
 * /ops/grafana/d/<uid>/<slug> → the Grafana fixture, /kibana/app/... → the Kibana one.
 */
export async function serveFakeDashboards(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => void respond(req, res).catch(() => res.writeHead(500).end()));
  async function respond(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.includes('/d/') ? 'grafana-dashboard.html' : path.includes('/app/') ? 'kibana-discover-hashed.html' : undefined;
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(await readFile(resolve(FIXTURES, file)));
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

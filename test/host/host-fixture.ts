import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type StartHostOptions } from '../../widget/host/start-host';

/** A fresh data folder under the system's temp folder; removed by the returned function. */
export async function tempDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-host-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A host on a free loopback port over a fresh data folder, quiet; `stop` closes it and removes the folder. */
export async function startTestHost(options: Partial<StartHostOptions> = {}) {
  const data = await tempDataDir();
  const host = await startHost({ dataDir: data.dir, port: 0, quiet: true, ...options });
  const at = (path: string) => new URL(path, host.url);
  return {
    ...host,
    dataDir: data.dir,
    at,
    get: (path: string, headers: Record<string, string> = {}) => fetch(at(path), { headers }),
    put: (path: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
      fetch(at(path), { method: 'PUT', body, headers: { Authorization: `Bearer ${host.token}`, ...headers } }),
    async stop() {
      await host.close();
      await data.remove();
    },
  };
}

export type TestHost = Awaited<ReturnType<typeof startTestHost>>;

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends `target` byte for byte as the request target, as no URL-normalizing client (fetch,
 * http.request) would: `..`, backslashes and NUL reach the server as written.
 */
export function rawRequest(base: string, target: string, method = 'GET', extraHeaders = '', body = ''): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`, 'latin1'));
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
  });
}

/** Cloudflare's live summary.json less the one field Sitrep does not publish: a valid document to PUT. */
export function validSummary() {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/feeds/statuspage-summary-cloudflare.json'), 'utf8'));
  for (const event of [...doc.incidents, ...doc.scheduled_maintenances]) delete event.reminder_intervals;
  return doc;
}

export const validSummaryText = (change: (doc: ReturnType<typeof validSummary>) => void = () => {}) => {
  const doc = validSummary();
  change(doc);
  return JSON.stringify(doc);
};

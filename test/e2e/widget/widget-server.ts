import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const bundles = join(root, '.output/widget');

/** How a feed answers: a body (with an ETag, so revalidation gets 304s), or no answer at all. */
export type FeedAnswer = { body: string; status?: number; etag?: boolean } | 'down';

export interface FeedHit {
  path: string;
  status: number;
  ifNoneMatch?: string | undefined;
}

/**
 * A loopback server for widget pages: the built bundles, pages the test writes, and feeds the
 * test controls and counts.
 */
export async function startWidgetServer() {
  const pages = new Map<string, string>();
  const feeds = new Map<string, FeedAnswer>();
  const hits: FeedHit[] = [];

  async function respond(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const bundle = /^\/(sitrep-banner|sitrep-status)\.js$/.exec(path);
    if (bundle) {
      const code = await readFile(join(bundles, `${bundle[1]}.js`), 'utf8');
      return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
    }
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const page = pages.get(path);
    if (page !== undefined) return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    const feed = feeds.get(path);
    if (feed === undefined) return void response.writeHead(404).end();
    if (feed === 'down') {
      hits.push({ path, status: 0 });
      return void request.socket.destroy();
    }
    const ifNoneMatch = request.headers['if-none-match'];
    const etag = `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 16)}"`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' };
    if (feed.etag !== false) headers.ETag = etag;
    const status = feed.etag !== false && ifNoneMatch === etag ? 304 : (feed.status ?? 200);
    hits.push({ path, status, ifNoneMatch });
    response.writeHead(status, headers).end(status === 304 ? undefined : feed.body);
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    hits,
    /** Serves `html` at `path` (a whole document, or a body fragment wrapped in one). */
    page(path: string, html: string, lang = 'en') {
      pages.set(
        path,
        html.startsWith('<!doctype')
          ? html
          : `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Widget test</title></head><body>${html}</body></html>`,
      );
      return `${origin}${path}`;
    },
    feed(path: string, answer: FeedAnswer) {
      feeds.set(path, answer);
    },
    hitsOf(path: string) {
      return hits.filter((h) => h.path === path);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

export type WidgetServer = Awaited<ReturnType<typeof startWidgetServer>>;

/** The demo's sample feeds (widget/demo/feeds), their times moved so they were written at `now`. */
export async function sampleFeed(name: string, now = Date.now()) {
  const text = await readFile(join(root, 'widget/demo/feeds', `${name}.json`), 'utf8');
  const shift = now - Date.parse('2026-01-01T12:00:00.000Z');
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (iso) => new Date(Date.parse(iso) + shift).toISOString());
}

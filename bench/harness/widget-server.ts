import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './browser';

/** A feed as the server answers it: with an ETag (so revalidation gets 304s) or without. */
export interface ServedFeed {
  body: string;
  etag: boolean;
}

export interface FeedHit {
  path: string;
  status: number;
}

/**
 * Loopback server for the widget rows: the built banner, Atlassian's widget as published, pages
 * the rows write, and feeds the rows control and count. Scripts are read once, at start.
 */
export async function startBenchWidgetServer() {
  const scripts = new Map<string, string>([
    ['/sitrep-banner.js', await readFile(join(ROOT, '.output/widget/sitrep-banner.js'), 'utf8')],
    ['/statuspage-widget.js', await readFile(join(ROOT, 'node_modules/@statuspage/status-widget/dist/index.js'), 'utf8')],
  ]);
  const pages = new Map<string, string>();
  const feeds = new Map<string, ServedFeed>();
  const hits: FeedHit[] = [];

  function respond(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const script = scripts.get(path);
    if (script !== undefined) return void response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(script);
    const page = pages.get(path);
    if (page !== undefined) return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    const feed = feeds.get(path);
    if (!feed) return void response.writeHead(404).end();
    const etag = `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 16)}"`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };
    if (feed.etag) headers.ETag = etag;
    const status = feed.etag && request.headers['if-none-match'] === etag ? 304 : 200;
    hits.push({ path, status });
    response.writeHead(status, headers).end(status === 304 ? undefined : feed.body);
  }

  const server = createServer(respond);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    page(path: string, body: string) {
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product site</title></head><body><main><h1>Product</h1><p>Some content.</p></main>${body}</body></html>`,
      );
      return `${origin}${path}`;
    },
    feed(path: string, feed: ServedFeed) {
      feeds.set(path, feed);
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

export type BenchWidgetServer = Awaited<ReturnType<typeof startBenchWidgetServer>>;

/** One of the demo's sample feeds (widget/demo/feeds), its times moved so it was written at `now`. */
export async function sampleFeed(name: string, now: number): Promise<string> {
  const text = await readFile(join(ROOT, 'widget/demo/feeds', `${name}.json`), 'utf8');
  const shift = now - Date.parse('2026-01-01T12:00:00.000Z');
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (iso) => new Date(Date.parse(iso) + shift).toISOString());
}

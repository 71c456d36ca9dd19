#!/usr/bin/env node
// `npm run widget:demo`: the banner and the status page against sample feeds, on loopback only.
// PORT overrides the default 8788. Needs `npm run build:widget` (the npm script runs it).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const bundles = resolve(here, '../../.output/widget');

// The sample feeds are written as of this instant; served shifted to now, so their incidents
// read "12 minutes ago" whenever the demo runs. Shifted once, so ETags (and 304s) stay stable.
const WRITTEN_AT = Date.parse('2026-01-01T12:00:00.000Z');
const shiftMs = Date.now() - WRITTEN_AT;
const shiftTimes = (text) =>
  text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (iso) => new Date(Date.parse(iso) + shiftMs).toISOString());

const ROUTES = [
  [/^\/$/, () => [join(here, 'index.html'), 'text/html; charset=utf-8']],
  [/^\/(sitrep-banner|sitrep-status)\.js$/, ([, name]) => [join(bundles, `${name}.js`), 'text/javascript; charset=utf-8']],
  [/^\/feeds\/([a-z]+)\.json$/, ([, name]) => [join(here, 'feeds', `${name}.json`), 'application/json; charset=utf-8']],
];

async function respond(request, response) {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const route = ROUTES.map(([pattern, target]) => [pattern.exec(path), target]).find(([match]) => match);
  // Feeds are fetched cross-origin on real sites; answer the preflight conditional headers cause.
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', 'ETag');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { 'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since' }).end();
    return;
  }
  if (path === '/favicon.ico') return void response.writeHead(204).end();
  if (!route) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  const [file, type] = route[1](route[0]);
  let body;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    const hint = file.startsWith(bundles) ? ' — run npm run build:widget' : '';
    return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Missing ${file}${hint}`);
  }
  if (path.startsWith('/feeds/')) body = shiftTimes(body);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { 'Content-Type': type, ETag: etag, 'Cache-Control': 'no-cache' };
  if (request.headers['if-none-match'] === etag) return void response.writeHead(304, headers).end();
  response.writeHead(200, headers).end(body);
}

const port = Number(process.env.PORT ?? 8788);
createServer((request, response) => {
  respond(request, response).catch((error) => response.writeHead(500).end(String(error)));
}).listen(port, '127.0.0.1', function () {
  console.log(`Sitrep widget demo: http://127.0.0.1:${this.address().port}/`);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx (`nginx-light` / `nginx` on bookworm carry the dav module); npm test installs it when run as root with apt. */
export const NGINX = '/usr/sbin/nginx';
export const nginxMissing = !existsSync(NGINX);

/**
 * Folders the test server offers, all over the same files (`www/`), so a test can write through
 * one and read through another:
 * - `dav`: PUT DELETE MKCOL with basic auth, folders created on PUT (the usual nginx setup);
 * - `davNoFullPath`: the same without `create_full_put_path`, so missing folders need MKCOL, as
 *   on Apache mod_dav (nginx answers 500 there, Apache 409);
 * - `noPut`: basic auth but no WebDAV: PUT gets 405;
 * - `small`: WebDAV with a 1 KiB upload limit: larger files get 413;
 * - `publicUrl`: the site as readers get it, read-only, no auth.
 */
export interface TestNginx {
  origin: string;
  url: string;
  davNoFullPathUrl: string;
  noPutUrl: string;
  smallUrl: string;
  publicUrl: string;
  /** The temp folder: config, logs and `www/` (the files served). */
  dir: string;
  /** Requests so far, from the access log: what the server received, conditions included. */
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export interface LoggedRequest {
  method: string;
  uri: string;
  status: number;
  ifMatch: string;
  ifNoneMatch: string;
  contentType: string;
}

/** Users and their passwords (any UTF-8), written to an htpasswd file as `{SHA}`, which nginx reads. */
export interface StartNginxOptions {
  users?: Record<string, string>;
}

/** CORS for any origin, on errors too, so a browser (an extension page) sees the real 401/405. */
const CORS = [
  "add_header Access-Control-Allow-Origin '*' always;",
  "add_header Access-Control-Allow-Methods 'GET, HEAD, PUT, DELETE, MKCOL, OPTIONS' always;",
  // Authorization is never covered by a `*` wildcard: it must be named.
  "add_header Access-Control-Allow-Headers 'Authorization, Content-Type, If-Match, If-None-Match' always;",
  "add_header Access-Control-Expose-Headers 'ETag' always;",
  "add_header Access-Control-Max-Age '600' always;",
].join('\n      ');

/** A preflight carries no credentials: answer it in the rewrite phase, before auth_basic runs. */
const PREFLIGHT = `if ($request_method = OPTIONS) {
        ${CORS.replaceAll('\n      ', '\n        ')}
        return 204;
      }`;

function config(dir: string, port: number, asRoot: boolean): string {
  const www = join(dir, 'www');
  const auth = `auth_basic "Sitrep test";\n      auth_basic_user_file ${join(dir, 'htpasswd')};`;
  const davLocation = (path: string, extra: string) => `
    location /${path}/ {
      alias ${www}/;
      ${PREFLIGHT}
      ${CORS}
      ${auth}
      ${extra}
    }`;
  return `# Written by test/publish/nginx-server.ts
${asRoot ? 'user root;  # workers must read the 0700 temp folder\n' : ''}worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  log_format sitrep '$request_method\\t$uri\\t$status\\t$http_if_match\\t$http_if_none_match\\t$content_type';
  access_log ${join(dir, 'access.log')} sitrep;
  client_body_temp_path ${join(dir, 'tmp/body')};
  proxy_temp_path ${join(dir, 'tmp/proxy')};
  fastcgi_temp_path ${join(dir, 'tmp/fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp/uwsgi')};
  scgi_temp_path ${join(dir, 'tmp/scgi')};
  # nginx serves by extension, whatever Content-Type the PUT sent.
  types {
    application/json json;
    application/atom+xml atom;
    application/rss+xml rss;
    text/html html;
    text/javascript js mjs;
    text/plain txt;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types application/json application/atom+xml application/rss+xml text/javascript text/plain;
  client_max_body_size 10m;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location / {
      ${CORS}
      limit_except GET { deny all; }
    }
    # requests() asks for a mark and reads the log up to it: see LOG_MARK.
    location ^~ ${LOG_MARK} {
      return 204;
    }${davLocation('dav', 'dav_methods PUT DELETE MKCOL;\n      create_full_put_path on;')}${davLocation('dav-no-full-path', 'dav_methods PUT DELETE MKCOL;')}${davLocation('no-put', '')}${davLocation('small', 'dav_methods PUT DELETE MKCOL;\n      create_full_put_path on;\n      client_max_body_size 1k;')}
  }
}
`;
}

/**
 * nginx writes a request's log line after it has sent the answer, so a client can read the
 * log before its last request is there. `requests()` first asks for `LOG_MARK<n>`: the one
 * worker handles requests in turn, so once the mark's line is written, every earlier one is.
 */
const LOG_MARK = '/__sitrep-log-mark/';

/** nginx reads RFC 2307 `{SHA}` lines: base64 of the SHA-1 of the password's UTF-8 bytes. */
function htpasswd(users: Record<string, string>): string {
  return Object.entries(users)
    .map(([name, password]) => `${name}:{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}\n`)
    .join('');
}

/** A port free now; nginx cannot be told to pick one and report it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<ChildProcess>();
// A test run that dies still takes its nginx with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts Debian's nginx as a WebDAV server on a free loopback port, over a fresh temp folder,
 * with the config written here (see `TestNginx` for its folders). `close` stops it and removes
 * the folder.
 */
export async function startNginx({ users = {} }: StartNginxOptions = {}): Promise<TestNginx> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-nginx-'));
  try {
    await mkdir(join(dir, 'www'));
    await mkdir(join(dir, 'tmp'));
    await writeFile(join(dir, 'htpasswd'), htpasswd(users));
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      await writeFile(join(dir, 'nginx.conf'), config(dir, port, process.getuid?.() === 0));
      try {
        const child = await launch(dir, port);
        return served(dir, port, child);
      } catch (error) {
        // Another process took the port between freePort and nginx's bind: try another.
        if (attempt < 3 && /Address already in use/.test(String(error))) continue;
        throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function launch(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await answers(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  await exited;
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  throw new Error(`nginx did not start on port ${port}: ${(stderr + log).trim().slice(-1000)}`);
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

/** nginx writes `"` and bytes outside printable ASCII as `\xHH` in its log. */
function unescapeLogged(field: string): string {
  const bytes = field.replace(/\\x([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseLogLine(line: string): LoggedRequest {
  const fields = line.split('\t').map((f) => (f === '-' ? '' : unescapeLogged(f)));
  const [method = '', uri = '', status = '', ifMatch = '', ifNoneMatch = '', contentType = ''] = fields;
  return { method, uri, status: Number(status), ifMatch, ifNoneMatch, contentType };
}

function served(dir: string, port: number, child: ChildProcess): TestNginx {
  const origin = `http://127.0.0.1:${port}`;
  let marks = 0;
  return {
    origin,
    url: `${origin}/dav/`,
    davNoFullPathUrl: `${origin}/dav-no-full-path/`,
    noPutUrl: `${origin}/no-put/`,
    smallUrl: `${origin}/small/`,
    publicUrl: `${origin}/`,
    dir,
    async requests() {
      const mark = `${LOG_MARK}${++marks}`;
      await (await fetch(origin + mark)).arrayBuffer();
      for (const started = Date.now(); ;) {
        const lines = (await readFile(join(dir, 'access.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(parseLogLine);
        const at = lines.findIndex((r) => r.uri === mark);
        if (at >= 0) return lines.slice(0, at).filter((r) => !r.uri.startsWith(LOG_MARK));
        if (Date.now() - started > 5000) throw new Error(`nginx never logged ${mark}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM'); // fast shutdown: the master stops its worker
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { AtomicWriteHooks } from './atomic-write';
import { problemWithDocument } from './check-document';
import { createPathLock } from './path-lock';
import { deleteSiteFile, putSiteFile, type PublishOutcome, type SiteWriter } from './publish-file';
import { readServedFile } from './serve-files';
import { PROBE_PATH, publishable, siteSegments } from './site-paths';

// The host's HTTP surface. Anyone may read the site (it is public, and banners on other origins
// poll it); only a holder of the token may write the site's own files. Hono's middleware does
// the protocol work: secure headers, CORS, bearer auth (constant-time), body limit, ETag/304.

export interface DemoOptions {
  /** widget/demo: index.html, its script and style, feeds/<name>.json. A real path, as `siteDir`. */
  dir: string;
  /** .output/widget, where the built bundles are. A real path, as `siteDir`. */
  widgetDir: string;
  /** The demo's clock, for moving the sample feeds' times to now. */
  now?: () => number;
}

export interface HostAppOptions {
  /** The folder served; a real path (symlinks resolved) that exists. */
  siteDir: string;
  token: string;
  /** Largest body a publisher may send; 5 MiB by default. */
  maxBodyBytes?: number;
  /** Serves the widget demo at /demo/ when given. */
  demo?: DemoOptions;
  /** Injected into every atomic write (tests fail or stall one here). */
  writeHooks?: AtomicWriteHooks;
}

/** What the publishing middleware hands the handler: the checked, relative path written. */
type HostEnv = { Variables: { sitePath: string } };
type HostContext = Context<HostEnv>;

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The sample feeds are written as of this instant and served shifted to the demo's start. */
const DEMO_FEEDS_WRITTEN_AT = Date.parse('2026-01-01T12:00:00.000Z');
const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

const text = (c: HostContext, status: 400 | 401 | 404 | 405 | 412 | 413 | 422 | 500, message: string, headers: Record<string, string> = {}) =>
  c.text(`${message}\n`, status, headers);

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Missing, malformed and wrong tokens all get this one answer, so none tells a caller more than another. */
const unauthorized = () =>
  new Response('A valid publish token is required (Authorization: Bearer <token>).\n', {
    status: 401,
    headers: { 'WWW-Authenticate': 'Bearer realm="sitrep"', 'Content-Type': 'text/plain; charset=utf-8' },
  });

export function createHostApp(options: HostAppOptions): Hono<HostEnv> {
  const site: SiteWriter = { root: options.siteDir, lock: createPathLock(), ...(options.writeHooks && { hooks: options.writeHooks }) };
  const app = new Hono<HostEnv>();

  app.use(
    secureHeaders({
      // Banners and status pages on other sites load these files: they are meant to cross origins.
      crossOriginResourcePolicy: 'cross-origin',
      xFrameOptions: 'DENY',
      // Served over plain HTTP on loopback; a TLS proxy in front sets its own.
      strictTransportSecurity: false,
    }),
  );
  // Token-bearing requests carry no cookies, so any origin may read and (with the token) write;
  // the extension publishes from a chrome-extension:// origin.
  app.use(
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'If-Modified-Since'],
      exposeHeaders: ['ETag'],
      maxAge: 600,
    }),
  );
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => text(c, 405, 'Method not allowed', { Allow: methods.join(', ') }) }));
  app.use(etag());

  const relativePathOf = (c: HostContext) => {
    const segments = siteSegments(new URL(c.req.url).pathname);
    return segments && { segments, relative: segments.join('/') };
  };

  const serve = async (c: HostContext, root: string, segments: string[], transform?: (text: string) => string) => {
    const file = await readServedFile(root, segments, transform);
    if (file.kind === 'folder') return c.redirect(`${new URL(c.req.url).pathname}/`, 301);
    if (file.kind === 'missing') return text(c, 404, 'Not found');
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, file.headers);
  };

  if (options.demo) {
    const demo = options.demo;
    const shiftMs = (demo.now ?? Date.now)() - DEMO_FEEDS_WRITTEN_AT;
    // Shifted once, so a feed's ETag (and the banner's 304s) stay stable while the demo runs.
    const shiftTimes = (feed: string) => feed.replace(INSTANT, (iso) => new Date(Date.parse(iso) + shiftMs).toISOString());
    app.get('/demo/*', async (c) => {
      const path = relativePathOf(c);
      if (!path) return text(c, 404, 'Not found');
      const [, ...rest] = path.segments;
      if (rest.length === 1 && /^sitrep-(banner|status)\.js$/.test(rest[0]!)) return serve(c, demo.widgetDir, rest);
      return serve(c, demo.dir, rest, rest[0] === 'feeds' ? shiftTimes : undefined);
    });
    app.get('/demo', (c) => c.redirect('/demo/', 301));
  }

  app.get('*', async (c) => {
    const path = relativePathOf(c);
    return path ? serve(c, options.siteDir, path.segments) : text(c, 404, 'Not found');
  });

  const auth = bearerAuth({
    token: options.token,
    realm: 'sitrep',
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: unauthorized },
    invalidToken: { message: unauthorized },
  });

  /** Only the site's own files, checked before a byte of the body is read. */
  const ownPath = (method: 'PUT' | 'DELETE') =>
    async function ownPath(c: HostContext, next: () => Promise<void>) {
      const path = relativePathOf(c);
      const kind = path && publishable(path.relative);
      if (!path || !kind) return text(c, 404, 'Not a file of the site');
      if (method === 'DELETE' && path.relative !== PROBE_PATH)
        return text(c, 405, `${path.relative} can be replaced, not deleted`, { Allow: 'GET, HEAD, PUT' });
      c.set('sitePath', path.relative);
      return next();
    };

  const preconditions = (c: HostContext) => ({ ifMatch: c.req.header('If-Match'), ifNoneMatch: c.req.header('If-None-Match') });

  const answer = (c: HostContext, relative: string, result: PublishOutcome) => {
    const etagHeader: Record<string, string> = 'etag' in result && result.etag ? { ETag: result.etag } : {};
    switch (result.outcome) {
      case 'created':
        return c.body(null, 201, etagHeader);
      case 'replaced':
      case 'deleted':
        return c.body(null, 204, etagHeader);
      case 'precondition-failed':
        return text(c, 412, `${relative} has changed since you read it; read it again and merge`, etagHeader);
      case 'missing':
        return text(c, 404, `${relative} does not exist`);
    }
  };

  app.put(
    '*',
    auth,
    ownPath('PUT'),
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => text(c, 413, `The body is larger than the host takes (${sizeInWords(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)})`),
    }),
    async (c) => {
      const relative = c.get('sitePath');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const problem = problemWithDocument(relative, publishable(relative)!, bytes);
      if (problem) return text(c, 422, problem);
      return answer(c, relative, await putSiteFile(site, relative, bytes, preconditions(c)));
    },
  );

  app.delete('*', auth, ownPath('DELETE'), async (c) => {
    const relative = c.get('sitePath');
    return answer(c, relative, await deleteSiteFile(site, relative, preconditions(c)));
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // No request detail in the log: headers carry the token.
    console.error(`sitrep host: ${c.req.method} failed: ${error instanceof Error ? error.message : String(error)}`);
    return text(c, 500, 'The host could not complete the request');
  });

  return app;
}

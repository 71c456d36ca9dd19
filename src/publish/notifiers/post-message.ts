import { PublishError } from '../target';

/** How long a notifier waits for an answer before calling the service unreachable. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Longest service reason quoted in an error: one line, enough for `invalid_payload` or a short sentence. */
const MAX_QUOTED = 120;
/** Most of a response body ever read: the reasons we quote are short, a hostile endpoint's body need not be. */
const MAX_READ = 4096;

export interface SendOptions {
  /** The clock, for the webhook signature's timestamp. */
  now?: () => Date;
  timeoutMs?: number;
}

/** A request to one service, and how that service's answers read. */
export interface PostRequest {
  /** The service as the subject of a sentence: `Slack`, `Teams`, `The webhook at hooks.example.com`. */
  service: string;
  /** The secret webhook URL (Slack, Teams) or the configured endpoint (webhook). */
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Strings that must never appear in an error message: the URL, the signing key. */
  secrets: string[];
  /** A service's own reading of an answer (Slack's error codes, Teams' errors inside a 200), before the generic one. */
  classify?: (status: number, body: string) => PublishError | undefined;
  /** What 404/410 means for this service. */
  gone: string;
  /** What 401/403 means for this service. */
  refused: (status: number) => string;
}

/**
 * POSTs one message and reads the answer into a `PublishError` a responder can act on: the
 * network, a busy service (retry), a revoked webhook (paste a new one), a message refused (ours
 * to fix). Resolves with the HTTP status when the service took the message.
 */
export async function postMessage(request: PostRequest, fetchImpl: typeof fetch, options: SendOptions = {}): Promise<{ status: number }> {
  const { service } = request;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      cache: 'no-store',
      credentials: 'omit',
      // A webhook that redirects is misconfigured; following it would re-send the message elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      const waited = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      throw new PublishError('unreachable', `${service} did not answer within ${waited}`);
    }
    // fetch says nothing useful (TypeError: Failed to fetch): DNS, refused, TLS, CORS look alike.
    throw new PublishError('unreachable', `${service} is unreachable: check the network`);
  }

  const { status } = response;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    throw new PublishError('config', `${service} answered with a redirect${status ? ` (HTTP ${status})` : ''}: check the URL in Settings`);
  }
  const body = await readShort(response);
  const own = request.classify?.(status, body);
  if (own) throw own;
  if (status >= 200 && status < 300) return { status };

  if (status === 404 || status === 410) throw new PublishError('config', request.gone);
  if (status === 401 || status === 403) throw new PublishError('auth', request.refused(status));
  if (status === 429) throw new PublishError('server', `${service} is limiting how often we post (HTTP 429)`);
  if (status === 408 || status >= 500) throw new PublishError('server', `${service} answered with an error (HTTP ${status})`);
  if (status === 413) throw new PublishError('rejected', `${service} refused the message as too large (HTTP 413)`);
  const reason = quoteReason(body, request.secrets);
  throw new PublishError('rejected', `${service} refused the message (HTTP ${status}${reason ? `: ${reason}` : ''})`);
}

/** The start of a body as text; empty when there is none or it breaks off. */
async function readShort(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < MAX_READ) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } catch {
    return '';
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, MAX_READ));
}

/**
 * A service's reason, short and safe to show: the message of a JSON error, tags and links
 * removed, every secret (and the URL's path, which a server may echo: "Cannot POST /services/…")
 * cut out.
 */
export function quoteReason(body: string, secrets: string[]): string {
  const forms = secretForms(secrets);
  let text = withoutSecrets(body, forms);
  try {
    const json: unknown = JSON.parse(body);
    const said = messageOf(json);
    if (said) text = said;
  } catch {
    // Not JSON: the text as it is.
  }
  text = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[link]')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Again once whitespace is collapsed and JSON unescaped: a secret may only now read whole.
  text = withoutSecrets(text, forms);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

function withoutSecrets(text: string, forms: string[]): string {
  return forms.reduce((rest, secret) => rest.split(secret).join('[hidden]'), text);
}

function messageOf(json: unknown): string | undefined {
  if (typeof json === 'string') return json;
  if (!json || typeof json !== 'object') return undefined;
  const record = json as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'error', 'reason', 'detail']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (value && typeof value === 'object') {
      const nested = messageOf(value);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Each secret and, for URLs, the parts a server might echo on their own: the path, the query, long path segments. */
function secretForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    let url: URL | undefined;
    try {
      url = new URL(secret);
    } catch {
      url = undefined;
    }
    if (!url) continue;
    forms.add(url.href);
    if (url.pathname.length > 1) forms.add(url.pathname);
    if (url.search.length > 1) forms.add(url.search.slice(1));
    for (const segment of url.pathname.split('/')) if (segment.length >= 8) forms.add(segment);
    for (const value of url.searchParams.values()) if (value.length >= 8) forms.add(value);
  }
  // Longest first, so a path is cut whole before its segments.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The secret webhook URL, checked: an http(s) address, or a `config` error that does not repeat it. */
export function secretWebhookUrl(secret: string, service: string): string {
  if (!secret.trim()) throw new PublishError('config', `No ${service} webhook URL: paste it in Settings`);
  let url: URL;
  try {
    url = new URL(secret.trim());
  } catch {
    throw new PublishError('config', `The ${service} webhook URL in Settings is not a web address: paste it again`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublishError('config', `The ${service} webhook URL in Settings is not an http(s) address: paste it again`);
  }
  return url.href;
}

/** What a 404/410 from a chat webhook means, and what to do: it was revoked or deleted. */
export const webhookGone = (service: string) => `The ${service} webhook is gone or revoked: paste a new one in Settings`;

/**
 * POSTs a JSON message to a chat service's incoming webhook (Slack, Teams), whose URL is the
 * secret: checked first, never repeated in an error. The charset is named, or emoji arrive
 * garbled in Teams (cards-format, "Adaptive Cards support emoji").
 */
export function postToChatWebhook(
  service: string,
  webhookUrl: string,
  message: unknown,
  classify: PostRequest['classify'],
  fetchImpl: typeof fetch,
  options?: SendOptions,
): Promise<{ status: number }> {
  const url = secretWebhookUrl(webhookUrl, service);
  return postMessage(
    {
      service,
      url,
      body: JSON.stringify(message),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      secrets: [webhookUrl, url],
      ...(classify && { classify }),
      gone: webhookGone(service),
      refused: (status) => `${service} refused the webhook (HTTP ${status}): paste a new one in Settings`,
    },
    fetchImpl,
    options,
  );
}

import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, webhookBody, webhookRequest } from '../../../src/publish/notifiers/webhook';
import { HOSTILE_TEXTS, cardPayments, notification } from './notifications';

// The format is ours: docs/webhook-format.md is its specification, and these tests hold the
// code and the document to each other — the example, the field table and the verification snippet.
const doc = readFileSync(join(import.meta.dirname, '../../../docs/webhook-format.md'), 'utf8');
const KEY = 'example-signing-key-not-a-secret';
const SENT_AT = new Date('2026-11-28T09:30:04.000Z');

type Verify = (rawBody: string | Buffer, header: string | undefined, key: string, options?: { toleranceSeconds?: number; now?: number }) => boolean;
let verifyFromDoc: Verify;
let snippetDir: string;

beforeAll(async () => {
  // The Node.js snippet exactly as the document prints it, run as the module a reader would paste.
  const snippet = /```js\n(import \{ createHmac[\s\S]*?)```/.exec(doc)?.[1];
  expect(snippet).toBeDefined();
  snippetDir = await mkdtemp(join(tmpdir(), 'sitrep-webhook-doc-'));
  const file = join(snippetDir, 'verify.mjs');
  await writeFile(file, snippet!);
  verifyFromDoc = ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifySitrepSignature: Verify }).verifySitrepSignature;
});
afterAll(() => rm(snippetDir, { recursive: true, force: true }));

/** The signature by an independent HMAC: node:crypto, not Web Crypto. */
function hmacHex(key: string, timestamp: string, body: string) {
  return createHmac('sha256', key).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

function parseHeader(header: string) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  expect(match, header).not.toBeNull();
  return { t: match![1]!, v1: match![2]! };
}

describe('webhookBody', () => {
  it('is the document’s example, byte for byte', async () => {
    const compact = /\n\n(\{"type":"sitrep\.status_update".*\})\n```/.exec(doc)?.[1];
    const { body, headers } = await webhookRequest(cardPayments, { audience: 'internal' }, KEY, SENT_AT);
    expect(body).toBe(compact);
    expect(headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      'X-Sitrep-Signature': 't=1795858204,v1=79f26e3b56cd3624c72e8f7acafce5c19b9c9ddffa7f51d0a278c8ebf4dfa85d',
      'Idempotency-Key': '0b9c6a8e-7c1f-4a57-9a43-2f6f1b7c9d10',
    });
    expect(doc).toContain(`X-Sitrep-Signature: ${headers['X-Sitrep-Signature']}`);
    const indented = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(JSON.parse(indented!)).toEqual(JSON.parse(body));
  });

  it('has exactly the fields the document’s table lists', () => {
    const documented = [...doc.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1]).sort();
    const body = webhookBody(cardPayments, 'internal') as unknown as Record<string, unknown>;
    const fields = Object.entries(body)
      .flatMap(([key, value]) => (value && typeof value === 'object' ? Object.keys(value).map((inner) => `${key}.${inner}`) : [key]))
      .sort();
    expect(fields).toEqual(documented);
  });

  it.each([
    [
      'internal: both links',
      cardPayments,
      'internal',
      { status_page_url: 'https://status.example.com/incidents/inc-7.html', timeline_url: 'https://sitrep.example.com/timeline/inc-7' },
    ],
    ['public: never the timeline', cardPayments, 'public', { status_page_url: 'https://status.example.com/incidents/inc-7.html' }],
    ['links that are not http(s) are left out', notification({ statusPageUrl: 'javascript:alert(1)', timelineUrl: 'file:///etc/passwd' }), 'internal', {}],
  ] as const)('%s', (_name, n, audience, links) => {
    expect(webhookBody(n, audience)).toEqual({
      type: 'sitrep.status_update',
      id: '0b9c6a8e-7c1f-4a57-9a43-2f6f1b7c9d10',
      incident: { key: 'INC-7', title: 'Card payments failing', severity: 'SEV1', status: 'identified' },
      message: 'Card payments fail for about 30% of customers.\nWe found the cause and are rolling back.',
      at: '2026-11-28T09:30:00.000Z',
      ...links,
    });
  });

  it.each(HOSTILE_TEXTS)('carries hostile text as a JSON string, unchanged: %s', async (hostile) => {
    const { body } = await webhookRequest(notification({ publicTitle: hostile, message: hostile }), { audience: 'public' }, KEY, SENT_AT);
    const parsed = JSON.parse(body) as { message: string; incident: { title: string } };
    expect(parsed.message).toBe(hostile);
    expect(parsed.incident.title).toBe(hostile);
  });
});

describe('the signature', () => {
  it.each([
    ['the example', cardPayments, KEY],
    ['a message in many scripts and emoji', notification({ message: 'Zahlungen — 支付失败 — 🔥\r\n"quoted"' }), KEY],
    ['a key with non-ASCII characters', cardPayments, 'clé-secrète-🔑'],
  ])('verifies with node:crypto and with the document’s snippet: %s', async (_name, n, key) => {
    const { body, headers } = await webhookRequest(n, { audience: 'internal' }, key, SENT_AT);
    const { t, v1 } = parseHeader(headers['X-Sitrep-Signature']);
    expect(t).toBe('1795858204');
    expect(v1).toBe(hmacHex(key, t, body));
    expect(verifyFromDoc(body, headers['X-Sitrep-Signature'], key, { now: SENT_AT.getTime() })).toBe(true);
    expect(verifyFromDoc(Buffer.from(body, 'utf8'), headers['X-Sitrep-Signature'], key, { now: SENT_AT.getTime() + 60_000 })).toBe(true);
  });

  it.each([
    ['a wrong key', (h: string) => h, (b: string) => b, 'another-key', 0],
    ['a body changed by one character', (h: string) => h, (b: string) => b.replace('SEV1', 'SEV2'), KEY, 0],
    ['a body re-serialized with spaces', (h: string) => h, (b: string) => JSON.stringify(JSON.parse(b), null, 1), KEY, 0],
    ['a timestamp moved', (h: string) => h.replace('t=1795858204', 't=1795858205'), (b: string) => b, KEY, 0],
    ['a delivery replayed 6 minutes later', (h: string) => h, (b: string) => b, KEY, 6 * 60_000],
    ['a missing v1', (h: string) => h.replace(/,v1=.*/, ''), (b: string) => b, KEY, 0],
    ['a header that is not one', () => 'sha256=abc', (b: string) => b, KEY, 0],
  ])('fails with %s', async (_name, header, body, key, later) => {
    const sent = await webhookRequest(cardPayments, { audience: 'internal' }, KEY, SENT_AT);
    const signature = header(sent.headers['X-Sitrep-Signature']);
    const received = body(sent.body);
    expect(verifyFromDoc(received, signature, key, { now: SENT_AT.getTime() + later })).toBe(false);
    const parts = /^t=(\d+),v1=([0-9a-f]+)$/.exec(signature);
    if (parts && later === 0) expect(hmacHex(key, parts[1]!, received)).not.toBe(parts[2]);
  });

  it('refuses to sign without a key, as a setting to fix', async () => {
    await expect(signWebhook('{}', '', SENT_AT)).rejects.toMatchObject({ kind: 'config', message: 'No signing key for the webhook: set one in Settings' });
  });
});

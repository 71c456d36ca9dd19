import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notifier, Severity, WebhookNotifier } from '../../../src/model';
import { notifiersFor, sendNotification, slackMessage, teamsMessage, webhookBody } from '../../../src/publish/notifiers/notify';
import { PublishError } from '../../../src/publish/target';
import { cardPayments } from './notifications';
import { startRecordingServer, type RecordingServer, type ScriptedAnswer } from './recording-server';

const SENT_AT = new Date('2026-11-28T09:30:04.000Z');
const KEY = 'k3y-that-must-never-show-in-an-error-0123456789';
/** Shaped like Slack's: the whole path is the secret. */
const SLACK_PATH = '/services/T0SECRET1/B0SECRET2/Xx0123456789abcdefSECRET';
/** Shaped like a Teams Workflows URL: the secret is the `sig` query parameter. */
const TEAMS_PATH = '/workflows/0f1e2d3c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=Teams0123456789SecretSignature';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

const base = { name: '#incidents', severities: ['SEV1', 'SEV2'] as Severity[], audience: 'internal' as const };
const slack = (): [Notifier, string] => [{ kind: 'slack', id: 'slack', ...base }, `${server.url}${SLACK_PATH}`];
const teams = (): [Notifier, string] => [{ kind: 'teams', id: 'teams', ...base }, `${server.url}${TEAMS_PATH}`];
const webhook = (): [WebhookNotifier, string] => [{ kind: 'webhook', id: 'hook', ...base, url: `${server.url}/hooks/sitrep?token=QueryToken0123456789` }, KEY];
const kinds = { slack, teams, webhook };
type Kind = keyof typeof kinds;

function send(kind: Kind, options: { timeoutMs?: number } = {}) {
  const [notifier, secret] = kinds[kind]();
  return sendNotification(notifier, secret, cardPayments, fetch, { now: () => SENT_AT, ...options });
}

async function failure(kind: Kind, options: { timeoutMs?: number } = {}): Promise<PublishError> {
  const error = await send(kind, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  return error as PublishError;
}

/** Nothing a message may hold: the secret URLs, their paths and tokens, the key. */
function secretsOf(kind: Kind): string[] {
  const [notifier, secret] = kinds[kind]();
  const out = [secret, 'SECRET', 'Teams0123456789SecretSignature', 'QueryToken0123456789'];
  if (notifier.kind === 'webhook') out.push(notifier.url, new URL(notifier.url).pathname);
  return out;
}

function expectNoSecret(kind: Kind, error: PublishError) {
  for (const secret of secretsOf(kind)) expect(error.message).not.toContain(secret);
}

describe('sendNotification sends what the builders build', () => {
  it('posts the Slack message to the webhook URL as JSON', async () => {
    await send('slack');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: SLACK_PATH, body: JSON.stringify(slackMessage(cardPayments, 'internal')) });
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('posts the Teams card to the webhook URL as JSON', async () => {
    server.setDefault({ status: 202 });
    await send('teams');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: TEAMS_PATH, body: JSON.stringify(teamsMessage(cardPayments, 'internal')) });
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('posts the webhook body signed, with the update id as idempotency key', async () => {
    server.setDefault({ status: 204 });
    await send('webhook');
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks/sitrep?token=QueryToken0123456789',
      body: JSON.stringify(webhookBody(cardPayments, 'internal')),
    });
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers['idempotency-key']).toBe(cardPayments.updateId);
    // Checked as a receiver would, on the raw bytes received, with an independent HMAC.
    const { t, v1 } = /^t=(?<t>\d+),v1=(?<v1>[0-9a-f]{64})$/.exec(String(request!.headers['x-sitrep-signature']))!.groups!;
    expect(t).toBe('1795858204');
    expect(v1).toBe(createHmac('sha256', KEY).update(`${t}.${request!.body}`).digest('hex'));
    expect(v1).not.toBe(createHmac('sha256', 'wrong key').update(`${t}.${request!.body}`).digest('hex'));
  });

  it('sends nothing for an email notifier: a draft is the person’s to send', async () => {
    const error = await sendNotification({ kind: 'email', id: 'mail', ...base, to: 'exec@example.com' }, '', cardPayments, fetch).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('sendNotification says in words what failed, and never the secret', () => {
  it.each<[Kind, ScriptedAnswer, { kind: string; message: string | RegExp }]>([
    ['slack', { status: 500, body: 'rollup_error' }, { kind: 'server', message: 'Slack answered with an error (HTTP 500)' }],
    ['slack', { status: 503 }, { kind: 'server', message: 'Slack answered with an error (HTTP 503)' }],
    ['slack', { status: 429, headers: { 'Retry-After': '1' } }, { kind: 'server', message: 'Slack is limiting how often we post (HTTP 429)' }],
    ['slack', { status: 404, body: 'no_service' }, { kind: 'config', message: 'The Slack webhook is gone or revoked: paste a new one in Settings' }],
    ['slack', { status: 403, body: 'invalid_token' }, { kind: 'config', message: 'The Slack webhook is gone or revoked: paste a new one in Settings' }],
    ['slack', { status: 404 }, { kind: 'config', message: 'The Slack webhook is gone or revoked: paste a new one in Settings' }],
    ['slack', { status: 410, body: 'channel_is_archived' }, { kind: 'config', message: /archived: unarchive it or paste a new webhook in Settings$/ }],
    ['slack', { status: 404, body: 'channel_not_found' }, { kind: 'config', message: /channel of this webhook is gone/ }],
    [
      'slack',
      { status: 403, body: 'action_prohibited' },
      { kind: 'rejected', message: 'Slack refused the message: posting to this channel is restricted (action_prohibited)' },
    ],
    ['slack', { status: 400, body: 'invalid_payload' }, { kind: 'rejected', message: 'Slack refused the message (HTTP 400: invalid_payload)' }],
    ['slack', { status: 403, body: '<html>Forbidden</html>' }, { kind: 'auth', message: 'Slack refused the webhook (HTTP 403): paste a new one in Settings' }],
    [
      'slack',
      { status: 302, headers: { Location: 'https://elsewhere.example/' } },
      { kind: 'config', message: 'Slack answered with a redirect (HTTP 302): check the URL in Settings' },
    ],
    ['teams', { status: 500 }, { kind: 'server', message: 'Teams answered with an error (HTTP 500)' }],
    ['teams', { status: 404 }, { kind: 'config', message: 'The Teams webhook is gone or revoked: paste a new one in Settings' }],
    [
      'teams',
      { status: 200, body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0' },
      { kind: 'server', message: 'Teams is limiting how often we post (HTTP 429)' },
    ],
    [
      'teams',
      { status: 400, body: 'Bad payload received by generic incoming webhook.' },
      { kind: 'rejected', message: 'Teams refused the message (HTTP 400: Bad payload received by generic incoming webhook.)' },
    ],
    [
      'teams',
      {
        status: 400,
        body: '{"error":{"code":"InvalidRequestContent","message":"The input body for trigger \'manual\' of type \'Request\' must be of type JSON."}}',
      },
      { kind: 'rejected', message: /^Teams refused the message \(HTTP 400: The input body for trigger 'manual'/ },
    ],
    ['webhook', { status: 500 }, { kind: 'server', message: /^The webhook at 127\.0\.0\.1:\d+ answered with an error \(HTTP 500\)$/ }],
    ['webhook', { status: 404 }, { kind: 'config', message: /^The webhook at 127\.0\.0\.1:\d+ answered "not found": check its URL in Settings$/ }],
    ['webhook', { status: 401, body: 'bad signature' }, { kind: 'auth', message: /refused the signature \(HTTP 401\): check the signing key in Settings$/ }],
    [
      'webhook',
      { status: 422, body: '{"message":"unknown incident INC-7"}' },
      { kind: 'rejected', message: /refused the message \(HTTP 422: unknown incident INC-7\)$/ },
    ],
    ['webhook', { status: 413 }, { kind: 'rejected', message: /refused the message as too large \(HTTP 413\)$/ }],
  ])('%s answering %j', async (kind, answer, expected) => {
    server.answer(answer);
    const error = await failure(kind);
    expect(error).toMatchObject({ kind: expected.kind });
    expect(error.message).toMatch(expected.message);
    expect(error.retry).toBe(expected.kind === 'server');
    expectNoSecret(kind, error);
    expect(server.requests).toHaveLength(1);
  });

  it.each<Kind>(['slack', 'teams', 'webhook'])('%s: a server that echoes the request has its echo cut out', async (kind) => {
    const [notifier, secret] = kinds[kind]();
    const url = notifier.kind === 'webhook' ? notifier.url : secret;
    const path = new URL(url).pathname + new URL(url).search;
    server.answer({ status: 400, body: `Cannot POST ${path}\n(sent to ${url}${kind === 'webhook' ? `, key ${KEY}` : ''})` });
    const error = await failure(kind);
    expect(error.kind).toBe('rejected');
    expectNoSecret(kind, error);
    expect(error.message).toContain('Cannot POST [hidden]');
  });

  it.each<Kind>(['slack', 'teams', 'webhook'])('%s: a service that is down is unreachable (retry), and reached once it is back', async (kind) => {
    await server.down();
    const error = await failure(kind);
    expect(error).toMatchObject({ kind: 'unreachable', retry: true });
    expect(error.message).toMatch(/ is unreachable: check the network$/);
    expectNoSecret(kind, error);
    await server.up();
    await send(kind);
    expect(server.requests).toHaveLength(1);
  });

  it.each<Kind>(['slack', 'teams', 'webhook'])('%s: a service that never answers is given up on after the timeout', async (kind) => {
    server.answer('hang');
    const started = Date.now();
    const error = await failure(kind, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect(error.message).toMatch(/ did not answer within 300 ms$/);
    expectNoSecret(kind, error);
  });

  it.each([
    ['slack', '', 'No Slack webhook URL: paste it in Settings'],
    ['slack', 'hooks.slack.com/services/T0SECRET1/B0SECRET2/XxSECRET', 'The Slack webhook URL in Settings is not a web address: paste it again'],
    ['teams', 'javascript:alert("SECRET")', 'The Teams webhook URL in Settings is not an http(s) address: paste it again'],
    ['webhook', '', 'No signing key for the webhook: set one in Settings'],
  ] as const)('%s with secret %j: a setting to fix, nothing sent', async (kind, secret, message) => {
    const [notifier] = kinds[kind]();
    const error = await sendNotification(notifier, secret, cardPayments, fetch).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', message });
    if (secret) expect((error as Error).message).not.toContain(secret);
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it.each<Kind>(['slack', 'teams', 'webhook'])('%s: after a 500 the retry sends the same message, and the webhook the same idempotency key', async (kind) => {
    server.answer({ status: 500 });
    await expect(send(kind)).rejects.toMatchObject({ kind: 'server', retry: true });
    await send(kind);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    if (kind === 'webhook') {
      expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
      expect(JSON.parse(second!.body)).toEqual(JSON.parse(first!.body));
    } else expect(second!.body).toBe(first!.body);
  });
});

describe('notifiersFor', () => {
  it('offers the notifiers configured for the update’s severity, in their order', () => {
    const all: Notifier[] = [
      { kind: 'slack', id: 'a', name: '#incidents', severities: ['SEV1', 'SEV2', 'SEV3'], audience: 'internal' },
      { kind: 'email', id: 'b', name: 'Executives', severities: ['SEV1'], audience: 'internal', to: 'exec@example.com' },
      { kind: 'teams', id: 'c', name: 'Support', severities: ['SEV2', 'SEV3'], audience: 'public' },
    ];
    expect(notifiersFor(all, 'SEV1').map((n) => n.id)).toEqual(['a', 'b']);
    expect(notifiersFor(all, 'SEV3').map((n) => n.id)).toEqual(['a', 'c']);
    expect(notifiersFor(all, 'SEV5')).toEqual([]);
  });
});

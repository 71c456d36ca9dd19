// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SitrepDb } from '../../src/db';
import { notifiersItem, publishSecretsItem } from '../../src/db/storage-items';
import type { Notifier } from '../../src/model';
import { saveNotifier } from '../../src/publish/target-store';
import { NotifiersSettings, severityRange } from '../../src/ui/components/notifiers-settings';
import { createNotifiersState, generateSigningKey } from '../../src/ui/state/notifiers-state';
import {
  button,
  byId,
  click,
  disposeAfter,
  fakePermissionPrompt,
  freshDb,
  mount as mountUi,
  restoreTimeZoneAfterEach,
  root,
  settle,
  type,
  valueOf,
} from './render';

const SLACK_URL = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX';
const TEAMS_URL = 'https://example.webhook.office.com/webhookb2/abc@def/IncomingWebhook/0123456789/ghi';
const SIGNING_KEY = 'whsec_0123456789abcdef0123';

let db: SitrepDb;
let permissionRequest: ReturnType<typeof fakePermissionPrompt>;

beforeEach(() => {
  permissionRequest = fakePermissionPrompt();
  db = freshDb();
});

async function mount() {
  const state = disposeAfter(createNotifiersState(db));
  await state.ready;
  await mountUi(<NotifiersSettings state={state} />);
}

const form = () => root.querySelector<HTMLFormElement>('form.notifier-form')!;

async function stored(): Promise<Notifier[]> {
  return (await notifiersItem.getValue()) as Notifier[];
}

describe('NotifiersSettings: adding', () => {
  it.each([
    {
      kind: 'slack',
      fields: { 'notifier-slack-name': ' #incidents ', 'notifier-slack-secret': SLACK_URL },
      secret: SLACK_URL,
      origins: ['https://hooks.slack.com/*'],
      saved: { kind: 'slack', name: '#incidents' },
    },
    {
      kind: 'teams',
      fields: { 'notifier-teams-name': 'Incident room', 'notifier-teams-secret': TEAMS_URL },
      secret: TEAMS_URL,
      origins: ['https://example.webhook.office.com/*'],
      saved: { kind: 'teams', name: 'Incident room' },
    },
    {
      kind: 'webhook',
      fields: { 'notifier-webhook-name': 'Status mirror', 'notifier-webhook-url': 'https://hooks.example.com/sitrep', 'notifier-webhook-secret': SIGNING_KEY },
      secret: SIGNING_KEY,
      origins: ['https://hooks.example.com/*'],
      saved: { kind: 'webhook', name: 'Status mirror', url: 'https://hooks.example.com/sitrep' },
    },
  ] as const)('adds a $kind notifier: severities and audience as ticked, its secret only with the secrets', async (c) => {
    await mount();
    await click(button('Add a notifier'));
    await click(byId(`notifier-kind-${c.kind}`));
    for (const [id, value] of Object.entries(c.fields)) await type(id, value);
    expect(byId<HTMLInputElement>(`notifier-${c.kind}-secret`).type).toBe('password');
    // Every severity is ticked to start with: untick SEV4 and SEV5, make it public.
    await click(byId(`notifier-${c.kind}-sev-SEV4`));
    await click(byId(`notifier-${c.kind}-sev-SEV5`));
    await click(byId(`notifier-${c.kind}-audience-public`));

    form().requestSubmit();
    expect(permissionRequest).toHaveBeenCalledTimes(1);
    expect(permissionRequest).toHaveBeenCalledWith({ origins: c.origins });

    await settle(async () => expect(await stored()).toHaveLength(1));
    const [notifier] = await stored();
    expect(notifier!.id).toMatch(new RegExp(`^${c.kind}-[a-km-z2-9]{6}$`));
    expect(notifier).toEqual({ ...c.saved, id: notifier!.id, severities: ['SEV1', 'SEV2', 'SEV3'], audience: 'public' });
    expect(await publishSecretsItem.getValue()).toEqual({ [`notifier:${notifier!.id}`]: c.secret });
    expect(JSON.stringify(await stored())).not.toContain(c.secret);

    await settle(() => expect(root.querySelector('form.notifier-form')).toBeNull());
    expect(root.innerHTML).not.toContain(c.secret);
    expect(root.querySelector('.notifier-item__name')?.textContent).toBe(c.saved.name);
    expect(root.querySelector('.notifier-item__scope')?.textContent).toBe('SEV1–SEV3 · Public');
    expect(root.querySelector('.publish-result')?.textContent).toBe('Last sent: Nothing sent yet');
    expect(root.textContent).toContain(`Saved: ${c.saved.name} is offered with SEV1–SEV3 updates.`);
  });

  it('adds an email draft: addresses saved, no secret, no permission asked', async () => {
    await mount();
    await click(button('Add a notifier'));
    await click(byId('notifier-kind-email'));
    expect(byId('notifier-email-secret')).toBeNull();
    await type('notifier-email-name', 'Exec email');
    await type('notifier-email-to', 'execs@example.com, comms@example.com');
    await click(byId('notifier-email-sev-SEV3'));
    await act(() => form().requestSubmit());
    await settle(async () => expect(await stored()).toHaveLength(1));
    const [notifier] = await stored();
    expect(notifier).toEqual({
      kind: 'email',
      id: notifier!.id,
      name: 'Exec email',
      to: 'execs@example.com, comms@example.com',
      severities: ['SEV1', 'SEV2', 'SEV4', 'SEV5'],
      audience: 'internal',
    });
    expect(await publishSecretsItem.getValue()).toEqual({});
    expect(permissionRequest).not.toHaveBeenCalled();
    await settle(() =>
      expect(root.querySelector('.notifier-item__scope')?.textContent).toBe('SEV1, SEV2, SEV4, SEV5 · Internal · to execs@example.com, comms@example.com'),
    );
  });

  it('generates a signing key, shows it to be copied, and saves it with the secrets', async () => {
    await mount();
    await click(button('Add a notifier'));
    await click(byId('notifier-kind-webhook'));
    await type('notifier-webhook-name', 'Status mirror');
    await type('notifier-webhook-url', 'https://hooks.example.com/sitrep');
    await click(button('Generate a signing key'));
    const key = valueOf('notifier-webhook-secret');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(byId<HTMLInputElement>('notifier-webhook-secret').type).toBe('text');
    await click(button('Generate a signing key'));
    expect(valueOf('notifier-webhook-secret')).not.toBe(key);
    const kept = valueOf('notifier-webhook-secret');
    expect(byId('notifier-webhook-secret-hint').textContent).toContain('docs/webhook-format.md');
    expect(byId('notifier-webhook-secret-hint').textContent).toContain('X-Sitrep-Signature');

    await act(() => form().requestSubmit());
    await settle(async () => expect(await stored()).toHaveLength(1));
    const [notifier] = await stored();
    expect(await publishSecretsItem.getValue()).toEqual({ [`notifier:${notifier!.id}`]: kept });
    await settle(() => expect(root.innerHTML).not.toContain(kept));
  });

  it.each([
    ['no name', 'slack', { 'notifier-slack-name': '  ' }, [], 'notifier-slack-name', 'Name the channel, e.g. #incidents'],
    ['no severity', 'slack', {}, ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'], 'notifier-slack-severities', 'Pick at least one severity'],
    [
      'a Slack webhook that is not an address',
      'slack',
      { 'notifier-slack-secret': 'hooks.slack.com/services/T0/B0/secretpart' },
      [],
      'notifier-slack-secret',
      'The webhook URL Slack gave you starts with https://',
    ],
    ['no Teams webhook', 'teams', { 'notifier-teams-secret': '' }, [], 'notifier-teams-secret', 'Paste the webhook URL Teams gave you'],
    [
      'a short signing key',
      'webhook',
      { 'notifier-webhook-secret': 'short-key-123' },
      [],
      'notifier-webhook-secret',
      'A signing key of at least 16 characters: Generate makes one',
    ],
    [
      'a webhook URL that is not http(s)',
      'webhook',
      { 'notifier-webhook-url': 'ftp://hooks.example.com' },
      [],
      'notifier-webhook-url',
      'The webhook URL starts with http:// or https://',
    ],
    ['nobody to email', 'email', { 'notifier-email-to': '' }, [], 'notifier-email-to', 'Who the email goes to'],
  ] as const)('refuses %s: the message by the field, everything typed kept, nothing asked or saved', async (_, kind, patch, untick, field, message) => {
    const base: Record<string, Record<string, string>> = {
      slack: { 'notifier-slack-name': '#incidents', 'notifier-slack-secret': SLACK_URL },
      teams: { 'notifier-teams-name': 'Incident room', 'notifier-teams-secret': TEAMS_URL },
      webhook: { 'notifier-webhook-name': 'Mirror', 'notifier-webhook-url': 'https://hooks.example.com/sitrep', 'notifier-webhook-secret': SIGNING_KEY },
      email: { 'notifier-email-name': 'Exec email', 'notifier-email-to': 'execs@example.com' },
    };
    const typed: Record<string, string> = { ...base[kind], ...patch };
    await mount();
    await click(button('Add a notifier'));
    await click(byId(`notifier-kind-${kind}`));
    for (const [id, value] of Object.entries(typed)) await type(id, value);
    for (const sev of untick) await click(byId(`notifier-${kind}-sev-${sev}`));
    await act(() => form().requestSubmit());

    expect(byId(`${field}-error`)?.textContent).toBe(message);
    const control = field.endsWith('-severities') ? `notifier-${kind}-sev-SEV1` : field;
    expect(byId(control).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe(control);
    for (const [id, value] of Object.entries(typed)) expect(valueOf(id)).toBe(value);
    expect(permissionRequest).not.toHaveBeenCalled();
    expect(await notifiersItem.getValue()).toEqual([]);
    expect(await publishSecretsItem.getValue()).toEqual({});
    for (const value of Object.values(typed)) if (value.length > 8) expect(root.querySelector('.field-error')?.textContent).not.toContain(value);
  });
});

describe('NotifiersSettings: the list', () => {
  const SLACK: Notifier = { kind: 'slack', id: 'slack-abcdef', name: '#incidents', severities: ['SEV1', 'SEV2'], audience: 'internal' };

  it('edits a notifier: fields filled, the webhook URL never, and an empty field keeps it', async () => {
    await saveNotifier(SLACK, SLACK_URL);
    await mount();
    await click(button('Edit #incidents'));
    expect(valueOf('notifier-slack-name')).toBe('#incidents');
    expect(valueOf('notifier-slack-secret')).toBe('');
    expect(byId<HTMLInputElement>('notifier-slack-secret').placeholder).toBe('•••••••• (saved)');
    expect(byId<HTMLInputElement>('notifier-slack-sev-SEV2').checked).toBe(true);
    expect(byId<HTMLInputElement>('notifier-slack-sev-SEV3').checked).toBe(false);
    expect(byId<HTMLInputElement>('notifier-slack-audience-internal').checked).toBe(true);
    expect(root.innerHTML).not.toContain(SLACK_URL);

    await type('notifier-slack-name', '#major-incidents');
    // Ticked out of order, saved in order.
    await click(byId('notifier-slack-sev-SEV1'));
    await click(byId('notifier-slack-sev-SEV3'));
    await click(byId('notifier-slack-sev-SEV1'));
    await act(() => form().requestSubmit());
    expect(permissionRequest).not.toHaveBeenCalled(); // no new URL: its origin was asked for when it was pasted
    await settle(async () => expect(await stored()).toEqual([{ ...SLACK, name: '#major-incidents', severities: ['SEV1', 'SEV2', 'SEV3'] }]));
    expect(await publishSecretsItem.getValue()).toEqual({ 'notifier:slack-abcdef': SLACK_URL });
  });

  it('removes a notifier and its secret only once confirmed', async () => {
    await saveNotifier(SLACK, SLACK_URL);
    await saveNotifier({ kind: 'email', id: 'email-abcdef', name: 'Exec email', to: 'execs@example.com', severities: ['SEV1'], audience: 'internal' });
    await mount();
    await click(button('Remove #incidents'));
    expect(root.textContent).toContain('Remove #incidents and forget its secret?');
    expect(await stored()).toHaveLength(2);
    await click(button('Keep'));
    expect(await stored()).toHaveLength(2);
    await click(button('Remove #incidents'));
    await click(button('Remove'));
    await settle(async () => expect((await stored()).map((n) => n.id)).toEqual(['email-abcdef']));
    expect(await publishSecretsItem.getValue()).toEqual({});
    await settle(() => expect([...root.querySelectorAll('.notifier-item__name')].map((e) => e.textContent)).toEqual(['Exec email']));
  });

  describe('in a zone with DST', () => {
    restoreTimeZoneAfterEach();

    it('shows the last result in words, at local time', async () => {
      process.env.TZ = 'Europe/Berlin';
      await saveNotifier(SLACK, SLACK_URL);
      await db.publishResults.put({
        targetId: 'notifier:slack-abcdef',
        state: 'published',
        at: '2026-07-01T09:10:05.000Z',
        publishedAt: '2026-07-01T09:10:05.000Z',
        message: 'Sent',
      });
      await mount();
      await settle(() => expect(root.querySelector('.publish-result')?.textContent).toMatch(/^Last sent: Sent .*11:10:05( AM)?$/)); // CEST
      await db.publishResults.put({
        targetId: 'notifier:slack-abcdef',
        state: 'failed',
        at: '2026-07-01T09:10:05.000Z',
        message: 'Slack says the webhook is gone: paste a new one in Settings',
      });
      await settle(() =>
        expect(root.querySelector('.publish-result')?.textContent).toBe('Last sent: Slack says the webhook is gone: paste a new one in Settings'),
      );
      expect(root.querySelector('.publish-result')?.className).toContain('publish-result--failed');
    });
  });
});

describe('notifier helpers', () => {
  it('makes a signing key of 32 bytes, base64url', () => {
    expect(generateSigningKey(new Uint8Array(32).fill(0xff))).toBe('_'.repeat(42) + '8');
    expect(generateSigningKey(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
  });

  it.each([
    [['SEV1', 'SEV2', 'SEV3'], 'SEV1–SEV3'],
    [['SEV3', 'SEV1', 'SEV2', 'SEV4', 'SEV5'], 'SEV1–SEV5'],
    [['SEV1', 'SEV2'], 'SEV1, SEV2'],
    [['SEV1', 'SEV3', 'SEV4'], 'SEV1, SEV3, SEV4'],
    [['SEV4'], 'SEV4'],
  ] as const)('says %j as %s', (severities, words) => {
    expect(severityRange(severities)).toBe(words);
  });
});

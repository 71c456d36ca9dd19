// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { declareIncident, listEntries, recordPublishResult, requestNotify, type SitrepDb } from '../../src/db';
import { notifiersItem, publishTargetsItem } from '../../src/db/storage-items';
import type { Incident, Notifier } from '../../src/model';
import { describeInstant } from '../../src/ui/publish-status-text';
import { byId, choose, click, freshDb, key, mountComposer, root, settle, testIdText, type } from './render';

let db: SitrepDb;

beforeEach(() => {
  db = freshDb();
});

const HOST = { kind: 'host', id: 'host', url: 'http://127.0.0.1:8787' } as const;

const NOTIFIERS: Notifier[] = [
  { kind: 'slack', id: 'incidents', name: '#incidents', severities: ['SEV1', 'SEV2', 'SEV3'], audience: 'internal' },
  { kind: 'teams', id: 'ops', name: 'Ops room', severities: ['SEV2'], audience: 'internal' },
  { kind: 'webhook', id: 'pager', name: 'Pager hook', severities: ['SEV4'], audience: 'internal', url: 'https://hooks.example.com/in' },
  { kind: 'email', id: 'exec', name: 'Exec email', severities: ['SEV1', 'SEV2'], audience: 'internal', to: 'exec@example.com, cto@example.com' },
  { kind: 'email', id: 'support', name: 'Support email', severities: ['SEV4'], audience: 'public', to: 'support@example.com' },
];

const mount = (incident: Incident) => mountComposer(db, incident);

const declared = (severity: Incident['severity'] = 'SEV2') =>
  declareIncident(db, { title: 'INTERNAL-MARKER db-7 OOMKilled', severity }, { author: 'Ana', now: new Date() });

const all = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
/** The "Tell" checkboxes as the person reads them: label → checked. */
const tellChoices = () =>
  Object.fromEntries(
    [...root.querySelectorAll<HTMLInputElement>('[data-testid="notify-choices"] input[type="checkbox"]')].map((box) => [
      root.querySelector(`label[for="${box.id}"]`)?.textContent,
      box.checked,
    ]),
  );

const publishWithKeys = () => key('composer-message', { key: 'Enter', ctrlKey: true });

async function writeUpdate(status: string, message: string) {
  await type('composer-public-title', 'Card payments failing');
  await choose('composer-status', status);
  await type('composer-message', message);
  await publishWithKeys();
  await settle(() => expect(byId<HTMLTextAreaElement>('composer-message').value).toBe(''));
  return (await db.updates.toArray()).find((u) => u.body === message)!;
}

describe('StatusComposer: telling people', () => {
  it('offers, checked, the channels set up for the incident’s severity, and no others', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    const incident = await declared('SEV2');
    await mount(incident);
    await settle(() => expect(tellChoices()).toEqual({ '#incidents · Slack': true, 'Ops room · Teams': true }));
    // The SEV4-only webhook and email are not offered for a SEV2 incident.
    expect(testIdText('notify-choices')).not.toContain('Pager hook');
    expect(testIdText('notify-drafts')).toBe('Once published, draft an email to Exec email (your mail client sends it).');
    expect(testIdText('notify-others')).toBe('2 channels are for other severities.');

    // Downgraded to SEV4: the choices follow the severity.
    await db.incidents.update(incident.id, { severity: 'SEV4' });
    await settle(() => expect(tellChoices()).toEqual({ 'Pager hook · webhook': true }));
    expect(testIdText('notify-drafts')).toBe('Once published, draft an email to Support email (your mail client sends it).');
    expect(testIdText('notify-others')).toBe('3 channels are for other severities.');
  });

  it('queues the update for the checked channels only, and checks them all again for the next update', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    await publishTargetsItem.setValue([HOST]);
    const incident = await declared('SEV2');
    await mount(incident);
    await settle(() => expect(byId('composer-notify-ops')).not.toBeNull());
    await click(byId<HTMLInputElement>('composer-notify-ops'));
    expect(tellChoices()).toEqual({ '#incidents · Slack': true, 'Ops room · Teams': false });

    const update = await writeUpdate('identified', 'We found the faulty deploy.');
    const jobs = (await db.outbox.toArray()).filter((j) => j.kind === 'notify');
    expect(jobs.map((j) => j.id)).toEqual([`notify:incidents:${update.id}`]);
    expect(await db.outbox.get('publish:host')).toBeDefined();
    expect(tellChoices()).toEqual({ '#incidents · Slack': true, 'Ops room · Teams': true });

    const next = await writeUpdate('monitoring', 'A fix is out.');
    expect(
      (await db.outbox.toArray())
        .filter((j) => j.kind === 'notify')
        .map((j) => j.id)
        .sort(),
    ).toEqual([`notify:incidents:${update.id}`, `notify:incidents:${next.id}`, `notify:ops:${next.id}`].sort());
  });

  it('wakes the background to tell the channels even when no site is published', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await mount(await declared('SEV2'));
    await settle(() => expect(byId('composer-notify-incidents')).not.toBeNull());
    const update = await writeUpdate('investigating', 'Looking into it.');
    expect((await db.outbox.toArray()).map((j) => j.id).sort()).toEqual([`notify:incidents:${update.id}`, `notify:ops:${update.id}`]);
    expect(sent).toHaveBeenCalledWith({ type: 'publish' });
  });

  it('offers an email draft for the update that opens the mail client, and records it on the timeline', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    await publishTargetsItem.setValue([HOST]);
    const incident = await declared('SEV2');
    await mount(incident);
    expect(all('email-draft')).toEqual([]);

    const update = await writeUpdate('identified', 'We found the faulty deploy.\nRolling back now & watching.');
    await settle(() => expect(all('email-draft').map((a) => a.textContent)).toEqual(['Draft email to Exec email']));
    const link = all('email-draft')[0] as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.target).toBe('_blank');
    const query = () => new URLSearchParams(link.getAttribute('href')!.split('?')[1]);
    // The update and the incident's new public title arrive by separate live queries.
    await settle(() => expect(query().get('subject')).toBe(`[${incident.key}] Identified: Card payments failing`));
    expect(link.getAttribute('href')!.startsWith('mailto:exec@example.com,cto@example.com?')).toBe(true);
    const body = query().get('body')!;
    expect(body.startsWith('We found the faulty deploy.\r\nRolling back now & watching.')).toBe(true);
    expect(body).toContain(`Status page: http://127.0.0.1:8787/incidents/${incident.id}.html`);
    expect(body).not.toContain('INTERNAL-MARKER');

    // The browser hands the link to the mail client; here the navigation is stopped after the app saw the click.
    root.addEventListener('click', (e) => e.preventDefault(), { capture: true });
    await click(link);
    await expect
      .poll(async () => (await listEntries(db, incident.id)).filter((e) => e.kind === 'comms').map((e) => e.text))
      .toEqual([`Drafted an email to Exec email (exec@example.com, cto@example.com) about the “Identified” update`]);
    expect(update.status).toBe('identified');
    await settle(() => expect(link.parentElement?.textContent).toMatch(/^Draft email to Exec email · drafted \d/));
  });

  it('drafts without a status page link while no site is published', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    await mount(await declared('SEV1'));
    await writeUpdate('investigating', 'Looking into it.');
    await settle(() => expect(all('email-draft')).toHaveLength(1));
    const href = all('email-draft')[0]!.getAttribute('href')!;
    expect(new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')).not.toContain('Status page:');
  });

  it('shows each channel’s last result in words next to the site’s, and Retry now covers them', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    await publishTargetsItem.setValue([HOST]);
    const incident = await declared('SEV2');
    const sentAt = new Date(Date.now() - 5_000).toISOString();
    await recordPublishResult(db, 'host', { state: 'published', at: sentAt, publishedAt: sentAt, message: 'Published' });
    await recordPublishResult(db, 'notifier:incidents', { state: 'published', at: sentAt, publishedAt: sentAt, message: 'Sent' });
    await recordPublishResult(db, 'notifier:ops', {
      state: 'retrying',
      at: sentAt,
      message: 'Teams answered 500.',
      nextAttemptAt: new Date(Date.now() + 30_000).toISOString(),
    });
    const updateId = crypto.randomUUID();
    await requestNotify(db, ['ops'], updateId);
    await db.outbox.update(`notify:ops:${updateId}`, { dueAt: new Date(Date.now() + 30_000).toISOString() });
    await mount(incident);

    await settle(() => expect(all('notify-result')).toHaveLength(2));
    const [slack, teams] = all('notify-result').map((p) => p.textContent);
    expect(slack).toBe(`#incidents: Sent ${describeInstant(sentAt, { now: new Date(), timeDisplay: 'local' })}`);
    expect(teams).toMatch(/^Ops room: Teams answered 500, retrying in (29|30) s$/);
    expect(testIdText('publish-result')).toMatch(/^Published /);

    const before = Date.now();
    await click('Retry now');
    await expect.poll(async () => Date.parse((await db.outbox.get(`notify:ops:${updateId}`))!.dueAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse((await db.outbox.get(`notify:ops:${updateId}`))!.dueAt)).toBeGreaterThanOrEqual(before);
  });

  it('says how to set channels up, with a link to the options page, when none is', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await mount(await declared());
    expect(testIdText('notify-not-set-up')).toBe(
      'No one else is told about updates yet: add a Slack or Teams channel, a webhook or an email in Settings → Notifications.',
    );
    expect(root.querySelector('[data-testid="notify-choices"]')).toBeNull();
    await click(root.querySelector<HTMLAnchorElement>('[data-testid="notify-not-set-up"] a'));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('labels the choices and the drafts, and leaves none out of the Tab order', async () => {
    await notifiersItem.setValue(NOTIFIERS);
    await mount(await declared('SEV2'));
    await writeUpdate('identified', 'Found it.');
    await settle(() => expect(all('email-draft')).toHaveLength(1));
    const controls = [...root.querySelectorAll<HTMLElement>('[data-testid="notify-choices"] input, [data-testid="email-draft"]')];
    expect(controls).toHaveLength(3);
    for (const control of controls) {
      const label = control.id ? root.querySelector(`label[for="${control.id}"]`)?.textContent : control.textContent;
      expect(label?.trim(), control.outerHTML).toBeTruthy();
      expect(control.tabIndex, control.outerHTML).toBeGreaterThanOrEqual(0);
    }
    expect(root.querySelector('[data-testid="notify-choices"]')?.tagName).toBe('FIELDSET');
    expect(root.querySelector('[data-testid="notify-choices"] legend')?.textContent).toBe('Tell');
  });
});

// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SitrepDb } from '../../src/db';
import { publishSecretsItem, publishTargetsItem, siteSettingsItem } from '../../src/db/storage-items';
import { saveTarget } from '../../src/publish/target-store';

/** A host target saved as the options page saves one. */
const saveHost = (url: string, token: string) => saveTarget({ kind: 'host', id: 'host', url }, token);
import { PublishingSettings } from '../../src/ui/components/publishing-settings';
import { TargetsSettings } from '../../src/ui/components/targets-settings';
import { createPublishingState, describeFormError, hostPermissionPattern, publishAfterChange } from '../../src/ui/state/publishing-state';
import { createTargetsState, type TargetsState } from '../../src/ui/state/targets-state';
import {
  button,
  byId,
  click,
  disposeAfter,
  fakePermissionPrompt,
  freshDb,
  messagesToBackground,
  mount as mountUi,
  restoreTimeZoneAfterEach,
  root,
  settle,
  type,
} from './render';

const TOKEN = 'sitrep_tok_9f8e7d6c5b4a3210';
const URL_FIELD = 'publish-host-url';
const TOKEN_FIELD = 'publish-host-token';

let db: SitrepDb;
let targets: TargetsState;
let permissionRequest: ReturnType<typeof fakePermissionPrompt>;
let sent: ReturnType<typeof messagesToBackground>;

beforeEach(() => {
  permissionRequest = fakePermissionPrompt();
  sent = messagesToBackground();
  db = freshDb();
});

/** The page's publishing half: the status page's settings, then where it is published. */
async function mount() {
  const state = disposeAfter(createPublishingState(db));
  targets = disposeAfter(createTargetsState(db));
  await Promise.all([state.ready, targets.ready]);
  await mountUi(
    <>
      <PublishingSettings state={state} />
      <TargetsSettings state={targets} />
    </>,
  );
}

/** The id the host target was saved under. */
async function hostId(): Promise<string> {
  const [target] = (await publishTargetsItem.getValue()) as { id: string }[];
  return target!.id;
}

const submitHost = () => byId(URL_FIELD).closest('form')!.requestSubmit();
const submitSite = () => byId('publish-site-name').closest('form')!.requestSubmit();

describe('PublishingSettings: the host (a target like any other, in TargetsSettings)', () => {
  it('asks for the origin during the click, stores the token only with the secrets, and publishes', async () => {
    await mount();
    await type(URL_FIELD, ' http://127.0.0.1:8787/ ');
    await type(TOKEN_FIELD, TOKEN);

    // The prompt must be asked for synchronously, inside the gesture, before any await.
    submitHost();
    expect(permissionRequest).toHaveBeenCalledTimes(1);
    expect(permissionRequest).toHaveBeenCalledWith({ origins: ['http://127.0.0.1:8787/*'] });

    await settle(async () =>
      expect(await publishTargetsItem.getValue()).toEqual([{ kind: 'host', id: expect.stringMatching(/^host-/), url: 'http://127.0.0.1:8787' }]),
    );
    const id = await hostId();
    expect(await publishSecretsItem.getValue()).toEqual({ [id]: TOKEN });
    expect(JSON.stringify(await publishTargetsItem.getValue())).not.toContain(TOKEN);
    expect(JSON.stringify(await siteSettingsItem.getValue())).not.toContain(TOKEN);
    await settle(async () => expect((await db.outbox.toArray()).map((j) => j.id)).toEqual([`publish:${id}`]));
    await settle(() => expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything()));

    // The token is gone from the page; the result shows what is waiting.
    await settle(() => expect(root.querySelector('.publish-result')?.textContent).toContain('Waiting to publish'));
    expect(root.textContent).toContain('Saved. Publishing to 127.0.0.1:8787.');
    expect(root.innerHTML).not.toContain(TOKEN);
    expect(root.querySelector('.publish-note')).toBeNull();
    // Opened again, the form has the URL and an empty token field that says one is saved.
    await click('Edit 127.0.0.1:8787');
    expect(byId<HTMLInputElement>(TOKEN_FIELD).value).toBe('');
    expect(byId<HTMLInputElement>(TOKEN_FIELD).type).toBe('password');
    expect(byId<HTMLInputElement>(URL_FIELD).value).toBe('http://127.0.0.1:8787');
    expect(byId(`${TOKEN_FIELD}-hint`).textContent).toMatch(/A token is saved/);
    expect(root.innerHTML).not.toContain(TOKEN);
  });

  it('saves without waiting for the answer, and says what a refusal means', async () => {
    let answer!: (granted: boolean) => void;
    permissionRequest.mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    await mount();
    await type(URL_FIELD, 'https://status.example.com');
    await type(TOKEN_FIELD, TOKEN);
    await act(() => submitHost());

    // Saved while the prompt is still open.
    await settle(async () =>
      expect(await publishTargetsItem.getValue()).toEqual([{ kind: 'host', id: expect.stringMatching(/^host-/), url: 'https://status.example.com' }]),
    );
    expect(root.querySelector('.publish-note')).toBeNull();

    await act(() => answer(false));
    await settle(() => expect(root.querySelector('.publish-note')?.textContent).toMatch(/only works if the host allows cross-origin requests \(CORS\)/));
    expect(await publishSecretsItem.getValue()).toEqual({ [await hostId()]: TOKEN });
  });

  it('treats a browser without the permissions API as a refusal, and still saves', async () => {
    vi.restoreAllMocks(); // fakeBrowser's own permissions.request throws "not implemented"
    await mount();
    await type(URL_FIELD, 'https://status.example.com');
    await type(TOKEN_FIELD, TOKEN);
    await act(() => submitHost());
    await settle(async () => expect(Object.values(await publishSecretsItem.getValue())).toEqual([TOKEN]));
    await settle(() => expect(root.querySelector('.publish-note')?.textContent).toContain('CORS'));
  });

  it.each([
    ['a URL that is not http(s)', 'ftp://status.example.com', TOKEN, URL_FIELD, 'The host URL starts with http:// or https://'],
    ['no URL', '', TOKEN, URL_FIELD, 'The host URL starts with http:// or https://'],
    ['a token too short to be one', 'https://status.example.com', 'sitrep_tok', TOKEN_FIELD, /^Paste the token the host printed/],
    ['no token, none saved', 'https://status.example.com', '', TOKEN_FIELD, /^Paste the token the host printed/],
  ])('refuses %s: the message by the field, typed values kept, no prompt, nothing saved', async (_, url, token, field, message) => {
    await mount();
    await type(URL_FIELD, url);
    await type(TOKEN_FIELD, token);
    await act(() => submitHost());

    expect(byId(`${field}-error`)?.textContent).toMatch(message);
    expect(byId(field).getAttribute('aria-invalid')).toBe('true');
    expect(byId(field).getAttribute('aria-describedby')).toContain(`${field}-error`);
    expect(document.activeElement?.id).toBe(field);
    expect(byId<HTMLInputElement>(URL_FIELD).value).toBe(url);
    expect(byId<HTMLInputElement>(TOKEN_FIELD).value).toBe(token);
    expect(permissionRequest).not.toHaveBeenCalled();
    expect(await publishTargetsItem.getValue()).toEqual([]);
    expect(await publishSecretsItem.getValue()).toEqual({});
    if (token) expect(root.querySelector('.field-error, .error')?.textContent).not.toContain(token);
  });

  it('a failed save keeps what was typed and never shows the token in the message', async () => {
    await mount();
    vi.spyOn(targets, 'save').mockRejectedValue(new Error(`Storage refused the write of ${TOKEN}`));
    await type(URL_FIELD, 'https://status.example.com');
    await type(TOKEN_FIELD, TOKEN);
    await act(() => submitHost());
    await settle(() => expect(root.querySelector('.error')?.textContent).toBe('Storage refused the write of •••'));
    expect(byId<HTMLInputElement>(TOKEN_FIELD).value).toBe(TOKEN);
    expect(byId<HTMLInputElement>(URL_FIELD).value).toBe('https://status.example.com');
    expect(root.textContent).not.toContain(TOKEN);
  });

  it('never shows the saved token in a message either, when the field was left empty', async () => {
    await saveHost('https://status.example.com', TOKEN);
    await mount();
    await click('Edit status.example.com');
    vi.spyOn(publishTargetsItem, 'setValue').mockRejectedValue(new Error(`Quota exceeded writing {"host":"${TOKEN}"}`));
    await act(() => submitHost());
    await settle(() => expect(root.querySelector('.error')?.textContent).toBe('Quota exceeded writing {"host":"•••"}'));
    expect(root.innerHTML).not.toContain(TOKEN);
  });

  it('shows the token only when asked, and hides it again', async () => {
    await mount();
    await type(TOKEN_FIELD, TOKEN);
    const toggle = byId(TOKEN_FIELD).parentElement!.querySelector('button')!;
    expect(byId<HTMLInputElement>(TOKEN_FIELD).type).toBe('password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(TOKEN_FIELD);
    expect(toggle.textContent).toBe('Show token');

    await click(toggle);
    expect(byId<HTMLInputElement>(TOKEN_FIELD).type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent).toBe('Hide token');

    await click(toggle);
    expect(byId<HTMLInputElement>(TOKEN_FIELD).type).toBe('password');
  });

  it('keeps the saved token when only the URL changes, and removes the host with its token', async () => {
    await saveHost('https://old.example.com', TOKEN);
    await mount();
    await click('Edit old.example.com');
    expect(byId<HTMLInputElement>(URL_FIELD).value).toBe('https://old.example.com');
    expect(byId<HTMLInputElement>(TOKEN_FIELD).value).toBe('');
    expect(byId<HTMLInputElement>(TOKEN_FIELD).placeholder).not.toContain(TOKEN);
    expect(root.innerHTML).not.toContain(TOKEN);

    await type(URL_FIELD, 'https://new.example.com');
    await act(() => submitHost());
    expect(permissionRequest).toHaveBeenCalledWith({ origins: ['https://new.example.com/*'] });
    await settle(async () => expect(await publishTargetsItem.getValue()).toEqual([{ kind: 'host', id: 'host', url: 'https://new.example.com' }]));
    expect(await publishSecretsItem.getValue()).toEqual({ host: TOKEN });

    await settle(() => expect(button('Remove new.example.com')).toBeDefined());
    await click('Remove new.example.com');
    expect(await publishTargetsItem.getValue()).toHaveLength(1); // asks first
    await click('Remove');
    await settle(async () => expect(await publishTargetsItem.getValue()).toEqual([]));
    expect(await publishSecretsItem.getValue()).toEqual({});
    await settle(() => expect(button('Remove new.example.com')).toBeUndefined());
  });

  describe('in a zone with DST', () => {
    restoreTimeZoneAfterEach();

    it('shows the last result in the popup’s words, at local time', async () => {
      process.env.TZ = 'America/New_York';
      await saveHost('https://status.example.com', TOKEN);
      await db.publishResults.put({
        targetId: 'host',
        state: 'published',
        at: '2026-11-28T09:10:05.000Z',
        publishedAt: '2026-11-28T09:10:05.000Z',
        message: 'Published',
      });
      await mount();
      await settle(() => expect(root.querySelector('.publish-result')?.textContent).toContain('Published'));
      expect(root.querySelector('.publish-result')!.textContent).toContain('04:10:05'); // EST
      await db.publishResults.put({
        targetId: 'host',
        state: 'retrying',
        at: '2026-11-28T09:10:05.000Z',
        message: 'Host unreachable (status.example.com)',
        nextAttemptAt: '2026-11-28T09:10:35.000Z',
      });
      await settle(() => expect(root.querySelector('.publish-result')?.textContent).toContain('Host unreachable (status.example.com), retrying'));
      expect(root.querySelector('.publish-result')?.className).toContain('publish-result--retrying');
    });
  });
});

describe('PublishingSettings: the status page', () => {
  it('shows the defaults, saves what was typed, and publishes to the configured host', async () => {
    await saveHost('https://status.example.com', TOKEN);
    await mount();
    expect(byId<HTMLInputElement>('publish-site-name').value).toBe('Status');
    expect(byId<HTMLInputElement>('publish-site-historyDays').value).toBe('90');
    expect(byId<HTMLInputElement>('publish-site-timeZone').value).toBe('Etc/UTC');

    await type('publish-site-name', 'Example status');
    await type('publish-site-historyDays', '30');
    await type('publish-site-timeZone', 'Europe/Berlin');
    await act(() => submitSite());
    await settle(async () =>
      expect(await siteSettingsItem.getValue()).toEqual({ pageId: 'sitrep', name: 'Example status', timeZone: 'Europe/Berlin', historyDays: 30 }),
    );
    await settle(async () => expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']));
    expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything());
    expect(byId<HTMLInputElement>('publish-site-name').value).toBe('Example status');

    // Once saved, the form follows the stored settings again (changed in another window).
    await act(() => siteSettingsItem.setValue({ pageId: 'sitrep', name: 'Renamed elsewhere', timeZone: 'Etc/UTC', historyDays: 60 }));
    await settle(() => expect(byId<HTMLInputElement>('publish-site-name').value).toBe('Renamed elsewhere'));
    expect(byId<HTMLInputElement>('publish-site-historyDays').value).toBe('60');
  });

  it('keeps every field filled before the form re-renders, and submits them at once (autofill, then Enter)', async () => {
    await mount();
    await act(() => {
      for (const [id, value] of [
        ['publish-site-name', 'Autofilled'],
        ['publish-site-historyDays', '45'],
        [URL_FIELD, 'https://status.example.com'],
        [TOKEN_FIELD, TOKEN],
      ]) {
        byId<HTMLInputElement>(id!).value = value!;
        byId(id!).dispatchEvent(new Event('input', { bubbles: true }));
      }
      submitSite();
      submitHost();
    });
    await settle(async () => expect(await siteSettingsItem.getValue()).toMatchObject({ name: 'Autofilled', historyDays: 45 }));
    await settle(async () => expect(Object.values(await publishSecretsItem.getValue())).toEqual([TOKEN]));
    expect(permissionRequest).toHaveBeenCalledWith({ origins: ['https://status.example.com/*'] });
  });

  it.each([
    ['no name', { name: '  ' }, 'publish-site-name', 'The status page needs a name'],
    ['too little history', { historyDays: '3' }, 'publish-site-historyDays', 'Keep at least 7 days of history'],
    ['too much history', { historyDays: '400' }, 'publish-site-historyDays', 'At most 365 days of history'],
    ['history that is not a number', { historyDays: '' }, 'publish-site-historyDays', 'Whole days, e.g. 90'],
    [
      'a zone the browser does not know',
      { timeZone: 'Mars/Olympus_Mons' },
      'publish-site-timeZone',
      'A time zone the browser knows, e.g. Etc/UTC or Europe/Berlin',
    ],
  ])('refuses %s: the message by the field, typed values kept, nothing saved', async (_, patch, field, message) => {
    await mount();
    const typed = { name: 'Example status', historyDays: '30', timeZone: 'Europe/Berlin', ...patch };
    await type('publish-site-name', typed.name);
    await type('publish-site-historyDays', typed.historyDays);
    await type('publish-site-timeZone', typed.timeZone);
    await act(() => submitSite());
    await settle(() => expect(byId(`${field}-error`)?.textContent).toBe(message));
    expect(byId(field).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe(field);
    expect(byId<HTMLInputElement>('publish-site-name').value).toBe(typed.name);
    expect(byId<HTMLInputElement>('publish-site-historyDays').value).toBe(typed.historyDays);
    expect(byId<HTMLInputElement>('publish-site-timeZone').value).toBe(typed.timeZone);
    expect(await siteSettingsItem.getValue()).toBeNull();
  });
});

describe('publishing helpers', () => {
  it.each([
    ['http://127.0.0.1:8787/', false, 'http://127.0.0.1:8787/*'],
    ['https://status.example.com/sub/path?q=1', false, 'https://status.example.com/*'],
    ['http://127.0.0.1:8787', true, 'http://127.0.0.1/*'], // Firefox match patterns take no port
    ['ftp://files.example.com', false, undefined],
    ['not a url', false, undefined],
  ])('the permission for %s (firefox: %s) is %s', (url, firefox, pattern) => {
    expect(hostPermissionPattern(url, firefox)).toBe(pattern);
  });

  it('asks for nothing while no target is configured, and survives a background that does not answer', async () => {
    await publishAfterChange(db);
    expect(await db.outbox.count()).toBe(0);
    expect(sent).not.toHaveBeenCalled();
    fakeBrowser.runtime.onMessage.removeListener(sent); // sendMessage now rejects: no listener
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]);
    await expect(publishAfterChange(db)).resolves.toBeUndefined();
    expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']);
  });

  it('blanks the secret out of any message', () => {
    expect(describeFormError(new Error(`bad ${TOKEN} and ${TOKEN}`), ['url'], TOKEN)).toEqual({ fields: {}, form: 'bad ••• and •••' });
  });
});

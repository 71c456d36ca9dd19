// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SitrepDb } from '../../src/db';
import { publishSecretsItem, publishTargetsItem } from '../../src/db/storage-items';
import type { PublishTarget, S3Target } from '../../src/model';
import { saveTarget } from '../../src/publish/target-store';
import { TargetsSettings } from '../../src/ui/components/targets-settings';
import { newReadableId } from '../../src/ui/state/configured-list-state';
import { createTargetsState, prepareTarget, blankTargetValues, type TargetsDeps, type TargetsState } from '../../src/ui/state/targets-state';
import {
  button,
  byId,
  click,
  disposeAfter,
  fakePermissionPrompt,
  freshDb,
  messagesToBackground,
  mount as mountUi,
  root,
  settle,
  type,
  valueOf,
} from './render';

const TOKEN = 'sitrep_tok_9f8e7d6c5b4a3210';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GITHUB_TOKEN = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop';
const DAV_PASSWORD = 'correct horse battery staple';

const S3: S3Target = {
  kind: 's3',
  id: 's3-abcdef',
  endpoint: 'https://acct.r2.cloudflarestorage.com',
  region: 'auto',
  bucket: 'example-status',
  prefix: 'status/',
  accessKeyId: 'AKIAEXAMPLE',
  publicUrl: 'https://status.example.com/',
};

const { id: _s3Id, ...S3_FIELDS } = S3;

let db: SitrepDb;
let state: TargetsState;
let permissionRequest: ReturnType<typeof fakePermissionPrompt>;
let sent: ReturnType<typeof messagesToBackground>;

beforeEach(() => {
  permissionRequest = fakePermissionPrompt();
  sent = messagesToBackground();
  db = freshDb();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function mount(deps: Partial<TargetsDeps> = {}) {
  state = disposeAfter(createTargetsState(db, deps));
  await state.ready;
  await mountUi(<TargetsSettings state={state} />);
}

const form = () => root.querySelector<HTMLFormElement>('form.target-form')!;

interface KindCase {
  kind: PublishTarget['kind'];
  fields: Record<string, string>;
  secretId: string;
  secret: string;
  origin: string;
  /** What is stored, but for the generated id. */
  saved: Record<string, string>;
  label: string;
}

const KINDS: KindCase[] = [
  {
    kind: 'host',
    fields: { 'publish-host-url': ' http://127.0.0.1:8787/ ' },
    secretId: 'publish-host-token',
    secret: TOKEN,
    origin: 'http://127.0.0.1:8787/*',
    saved: { kind: 'host', url: 'http://127.0.0.1:8787' },
    label: '127.0.0.1:8787',
  },
  {
    kind: 's3',
    fields: {
      'publish-s3-endpoint': 'https://acct.r2.cloudflarestorage.com/',
      'publish-s3-region': 'auto',
      'publish-s3-bucket': 'example-status',
      'publish-s3-prefix': 'status', // the slash is added
      'publish-s3-accessKeyId': 'AKIAEXAMPLE',
      'publish-s3-publicUrl': 'https://status.example.com/',
    },
    secretId: 'publish-s3-secretAccessKey',
    secret: S3_SECRET,
    origin: 'https://acct.r2.cloudflarestorage.com/*',
    saved: S3_FIELDS,
    label: 's3://example-status/status/',
  },
  {
    kind: 'webdav',
    fields: {
      'publish-webdav-url': 'https://dav.example.com/status/',
      'publish-webdav-username': 'sitrep',
      'publish-webdav-publicUrl': 'https://status.example.com/',
    },
    secretId: 'publish-webdav-password',
    secret: DAV_PASSWORD,
    origin: 'https://dav.example.com/*',
    saved: { kind: 'webdav', url: 'https://dav.example.com/status/', username: 'sitrep', publicUrl: 'https://status.example.com/' },
    label: 'dav.example.com',
  },
  {
    kind: 'github',
    fields: {
      'publish-github-owner': 'example-inc',
      'publish-github-repo': 'status',
      'publish-github-branch': 'gh-pages',
      'publish-github-directory': '',
      'publish-github-publicUrl': 'https://example-inc.github.io/status/',
    },
    secretId: 'publish-github-token',
    secret: GITHUB_TOKEN,
    origin: 'https://api.github.com/*',
    saved: {
      kind: 'github',
      apiUrl: 'https://api.github.com',
      owner: 'example-inc',
      repo: 'status',
      branch: 'gh-pages',
      directory: '',
      publicUrl: 'https://example-inc.github.io/status/',
    },
    label: 'example-inc/status',
  },
];

describe('TargetsSettings: adding a target', () => {
  it.each(KINDS)('adds a $kind target: permission in the click, config and secret apart, then a publish', async (c) => {
    await mount();
    // Nothing configured: the form is simply there, the host chosen.
    expect(byId<HTMLInputElement>('publish-kind-host').checked).toBe(true);
    await click(byId(`publish-kind-${c.kind}`));
    expect(byId<HTMLInputElement>(`publish-kind-${c.kind}`).checked).toBe(true);
    for (const [id, value] of Object.entries(c.fields)) await type(id, value);
    await type(c.secretId, c.secret);
    expect(byId<HTMLInputElement>(c.secretId).type).toBe('password');

    // Asked synchronously, inside the gesture, before any await.
    form().requestSubmit();
    expect(permissionRequest).toHaveBeenCalledTimes(1);
    expect(permissionRequest).toHaveBeenCalledWith({ origins: [c.origin] });

    await settle(async () => expect(await publishTargetsItem.getValue()).toHaveLength(1));
    const [stored] = (await publishTargetsItem.getValue()) as PublishTarget[];
    expect(stored!.id).toMatch(new RegExp(`^${c.kind}-[a-km-z2-9]{6}$`));
    expect(stored).toEqual({ ...c.saved, id: stored!.id });
    expect(await publishSecretsItem.getValue()).toEqual({ [stored!.id]: c.secret.trim() });
    expect(JSON.stringify(await publishTargetsItem.getValue())).not.toContain(c.secret);

    await settle(async () => expect((await db.outbox.toArray()).map((j) => j.id)).toEqual([`publish:${stored!.id}`]));
    await settle(() => expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything()));

    // The form is closed; the list says where and how it stands; the secret is nowhere on the page.
    await settle(() => expect(root.querySelector('form.target-form')).toBeNull());
    expect(root.textContent).toContain(`Saved. Publishing to ${c.label}.`);
    const item = root.querySelector('.target-item')!;
    expect(item.querySelector('.target-item__label')?.textContent).toBe(c.label);
    await settle(() => expect(item.querySelector('.publish-result')?.textContent).toBe('Last publish: Waiting to publish'));
    expect(root.innerHTML).not.toContain(c.secret);
    await settle(() => expect(document.activeElement?.id).toBe(`target-edit-${stored!.id}`));
  });

  it('keeps what was typed for each kind when switching between them', async () => {
    await mount();
    await type('publish-host-url', 'https://host.example.com');
    await click(byId('publish-kind-s3'));
    expect(byId('publish-host-url')).toBeNull();
    await type('publish-s3-bucket', 'kept-bucket');
    await click(byId('publish-kind-host'));
    expect(valueOf('publish-host-url')).toBe('https://host.example.com');
    await click(byId('publish-kind-s3'));
    expect(valueOf('publish-s3-bucket')).toBe('kept-bucket');
  });

  it.each([
    ['a bucket name S3 refuses', 's3', { 'publish-s3-bucket': 'My_Bucket' }, 'publish-s3-bucket', 'A bucket name: 3–63 lower-case letters, digits, . or -'],
    ['a prefix starting with /', 's3', { 'publish-s3-prefix': '/status/' }, 'publish-s3-prefix', 'A prefix ends with / and does not start with one'],
    [
      'no secret access key',
      's3',
      { 'publish-s3-secretAccessKey': '' },
      'publish-s3-secretAccessKey',
      'The secret access key that goes with the access key id',
    ],
    ['no region', 's3', { 'publish-s3-region': ' ' }, 'publish-s3-region', 'The region, e.g. eu-west-1 (auto for R2)'],
    [
      'a public URL that is not http(s)',
      's3',
      { 'publish-s3-publicUrl': 'ftp://cdn.example.com' },
      'publish-s3-publicUrl',
      'The public URL of the status site starts with http:// or https://',
    ],
    [
      'a GitHub token left out',
      'github',
      { 'publish-github-token': '' },
      'publish-github-token',
      'A fine-grained token with Contents: read and write on this repository',
    ],
    ['an owner GitHub cannot have', 'github', { 'publish-github-owner': 'example inc' }, 'publish-github-owner', 'The owner: a GitHub user or organisation'],
    ['a WebDAV user without a password', 'webdav', { 'publish-webdav-password': '' }, 'publish-webdav-password', 'The password of this user'],
    [
      'a host URL that is not http(s)',
      'host',
      { 'publish-host-url': 'ftp://status.example.com' },
      'publish-host-url',
      'The host URL starts with http:// or https://',
    ],
  ] as const)('refuses %s: the message by the field, everything typed kept, no prompt, nothing saved', async (_, kind, patch, field, message) => {
    const c = KINDS.find((k) => k.kind === kind)!;
    const typed: Record<string, string> = { ...c.fields, [c.secretId]: c.secret, ...patch };
    await mount();
    await click(byId(`publish-kind-${kind}`));
    for (const [id, value] of Object.entries(typed)) await type(id, value);
    await act(() => form().requestSubmit());

    expect(byId(`${field}-error`)?.textContent).toBe(message);
    expect(byId(field).getAttribute('aria-invalid')).toBe('true');
    expect(byId(field).getAttribute('aria-describedby')).toContain(`${field}-error`);
    expect(document.activeElement?.id).toBe(field);
    for (const [id, value] of Object.entries(typed)) expect(valueOf(id)).toBe(value);
    expect(permissionRequest).not.toHaveBeenCalled();
    expect(await publishTargetsItem.getValue()).toEqual([]);
    expect(await publishSecretsItem.getValue()).toEqual({});
    const secret = typed[c.secretId]!;
    if (secret) expect(root.querySelector('.field-error')?.textContent).not.toContain(secret);
  });

  it('a failed save keeps what was typed and never shows the secret in the message', async () => {
    await mount();
    vi.spyOn(state, 'save').mockRejectedValue(new Error(`Storage refused the write of ${TOKEN}`));
    await type('publish-host-url', 'https://status.example.com');
    await type('publish-host-token', TOKEN);
    await act(() => form().requestSubmit());
    await settle(() => expect(root.querySelector('.error')?.textContent).toBe('Storage refused the write of •••'));
    expect(valueOf('publish-host-token')).toBe(TOKEN);
    expect(valueOf('publish-host-url')).toBe('https://status.example.com');
    expect(root.textContent).not.toContain(TOKEN);
  });

  it('saves without waiting for the permission, and says what a refusal means', async () => {
    let answer!: (granted: boolean) => void;
    permissionRequest.mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    await mount();
    await click(byId('publish-kind-s3'));
    for (const [id, value] of Object.entries(KINDS[1]!.fields)) await type(id, value);
    await type('publish-s3-secretAccessKey', S3_SECRET);
    await act(() => form().requestSubmit());
    await settle(async () => expect(await publishTargetsItem.getValue()).toHaveLength(1));
    expect(root.querySelector('.publish-note')).toBeNull();

    await act(() => answer(false));
    await settle(() =>
      expect(root.querySelector('.publish-note')?.textContent).toBe(
        'Permission to reach acct.r2.cloudflarestorage.com was not given: publishing to s3://example-status/status/ then only works if the bucket’s CORS rules allow it.',
      ),
    );
  });

  it('treats a browser without the permissions API as a refusal, and still saves', async () => {
    vi.restoreAllMocks(); // fakeBrowser's own permissions.request throws "not implemented"
    await mount();
    await type('publish-host-url', 'https://status.example.com');
    await type('publish-host-token', TOKEN);
    await act(() => form().requestSubmit());
    await settle(async () => expect(Object.values(await publishSecretsItem.getValue())).toEqual([TOKEN]));
    await settle(() => expect(root.querySelector('.publish-note')?.textContent).toContain('CORS'));
  });

  it('shows the secret only when asked, and hides it again', async () => {
    await mount();
    await click(byId('publish-kind-github'));
    await type('publish-github-token', GITHUB_TOKEN);
    const toggle = byId('publish-github-token').parentElement!.querySelector('button')!;
    expect(toggle.textContent).toBe('Show token');
    expect(toggle.getAttribute('aria-controls')).toBe('publish-github-token');
    await click(toggle);
    expect(byId<HTMLInputElement>('publish-github-token').type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent).toBe('Hide token');
    await click(toggle);
    expect(byId<HTMLInputElement>('publish-github-token').type).toBe('password');
  });
});

describe('TargetsSettings: the list', () => {
  it('edits a target: fields filled but never the secret, which an empty field keeps', async () => {
    await saveTarget(S3, S3_SECRET);
    await mount();
    expect(root.querySelector('form.target-form')).toBeNull();
    await click(button('Edit s3://example-status/status/'));
    expect(valueOf('publish-s3-bucket')).toBe('example-status');
    expect(valueOf('publish-s3-endpoint')).toBe('https://acct.r2.cloudflarestorage.com');
    expect(valueOf('publish-s3-secretAccessKey')).toBe('');
    expect(byId<HTMLInputElement>('publish-s3-secretAccessKey').placeholder).toBe('•••••••• (saved)');
    expect(byId('publish-s3-secretAccessKey-hint').textContent).toMatch(/^A secret access key is saved/);
    expect(root.innerHTML).not.toContain(S3_SECRET);
    expect(byId('publish-kind-s3')).toBeNull(); // a saved target keeps its kind
    expect(document.activeElement?.id).toBe('publish-s3-endpoint');

    await type('publish-s3-bucket', 'renamed-bucket');
    await act(() => form().requestSubmit());
    expect(permissionRequest).toHaveBeenCalledWith({ origins: ['https://acct.r2.cloudflarestorage.com/*'] });
    await settle(async () => expect(await publishTargetsItem.getValue()).toEqual([{ ...S3, bucket: 'renamed-bucket' }]));
    expect(await publishSecretsItem.getValue()).toEqual({ [S3.id]: S3_SECRET });
    await settle(() => expect(root.querySelector('.target-item__label')?.textContent).toBe('s3://renamed-bucket/status/'));
  });

  it('removes a target and its secret only once confirmed', async () => {
    await saveTarget(S3, S3_SECRET);
    await saveTarget({ kind: 'host', id: 'host', url: 'https://status.example.com' }, TOKEN);
    await mount();
    await click(button('Remove s3://example-status/status/'));
    expect(root.textContent).toContain('Remove s3://example-status/status/ and forget its secret access key?');
    expect(await publishTargetsItem.getValue()).toHaveLength(2);
    await click(button('Keep'));
    expect(button('Remove s3://example-status/status/')).toBeDefined();
    expect(await publishTargetsItem.getValue()).toHaveLength(2);

    await click(button('Remove s3://example-status/status/'));
    await click(button('Remove'));
    await settle(async () => expect(await publishTargetsItem.getValue()).toEqual([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]));
    expect(await publishSecretsItem.getValue()).toEqual({ host: TOKEN });
    await settle(() => expect([...root.querySelectorAll('.target-item__label')].map((e) => e.textContent)).toEqual(['status.example.com']));
  });

  it('shows each target’s last result in words', async () => {
    await saveTarget(S3, S3_SECRET);
    await db.publishResults.put({
      targetId: S3.id,
      state: 'failed',
      at: '2026-03-01T10:00:00.000Z',
      message: 'Bucket example-status not found at acct.r2.cloudflarestorage.com',
    });
    await mount();
    await settle(() =>
      expect(root.querySelector('.publish-result')?.textContent).toBe('Last publish: Bucket example-status not found at acct.r2.cloudflarestorage.com'),
    );
    expect(root.querySelector('.publish-result')?.className).toContain('publish-result--failed');
    expect(root.querySelector('.target-item__site a')?.getAttribute('href')).toBe('https://status.example.com/');
  });
});

/** A Sitrep host in memory, behind a stubbed fetch: PUT stores (with the right token), GET reads, DELETE forgets. */
function fakeHost(token: string) {
  const files = new Map<string, string>();
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    calls.push(`${request.method} ${path}`);
    if (request.method !== 'GET' && request.headers.get('Authorization') !== `Bearer ${token}`) return new Response('no', { status: 401 });
    if (request.method === 'PUT') {
      files.set(path, await request.text());
      return new Response(null, { status: 201 });
    }
    if (request.method === 'DELETE') {
      files.delete(path);
      return new Response(null, { status: 204 });
    }
    const body = files.get(path);
    return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 });
  });
  return { fetch, files, calls };
}

describe('TargetsSettings: Test connection', () => {
  const HOST = { kind: 'host', id: 'host', url: 'https://status.example.com' } as const;

  it('writes, reads back and deletes the probe, busy meanwhile, and says so', async () => {
    const host = fakeHost(TOKEN);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
      await gate;
      return host.fetch(...args);
    });
    await saveTarget(HOST, TOKEN);
    await mount();
    const test = button('Test connection to status.example.com')!;
    await click(test);
    expect(test.disabled).toBe(true);
    expect(test.textContent).toBe('Testing…');
    expect(root.querySelector('.target-item')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.target-test')?.textContent).toBe('Testing the connection…');

    await act(() => release());
    await settle(() => expect(root.querySelector('.target-test')?.textContent).toBe('Connection works: wrote, read back and deleted sitrep-probe.txt'));
    expect(root.querySelector('.target-test')?.className).toContain('target-test--ok');
    expect(host.calls).toEqual(['PUT /sitrep-probe.txt', 'GET /sitrep-probe.txt', 'DELETE /sitrep-probe.txt']);
    expect(host.files.size).toBe(0);
    expect(test.disabled).toBe(false);
    expect(test.textContent).toBe('Test connection');
  });

  it.each([
    ['a refused token', HOST, TOKEN, fakeHost('another-token-entirely').fetch, 'Token refused: check the token in Settings → Publishing'],
    [
      'a host that cannot be reached',
      HOST,
      TOKEN,
      async () => {
        throw new TypeError('Failed to fetch');
      },
      'Host unreachable (status.example.com)',
    ],
    [
      'an S3 secret the store refuses',
      S3,
      S3_SECRET,
      async () =>
        new Response('<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error>', {
          status: 403,
          headers: { 'Content-Type': 'application/xml' },
        }),
      'The S3 key was refused: check the access key id and secret',
    ],
  ] as const)('says what failed in words: %s', async (_, target, secret, fetchImpl, message) => {
    vi.stubGlobal('fetch', fetchImpl);
    await saveTarget(target as PublishTarget, secret);
    await mount();
    await click(root.querySelector<HTMLButtonElement>('[id^="target-test-"]')!);
    await settle(() => expect(root.querySelector('.target-test')?.textContent).toBe(`Test failed: ${message}`));
    expect(root.querySelector('.target-test')?.className).toContain('target-test--failed');
    expect(root.innerHTML).not.toContain(secret);
  });
});

describe('TargetsSettings: the site as a zip', () => {
  it('builds the site for where it will be served and downloads it', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 5, 6]);
    const buildSiteDownload = vi.fn(async () => ({ name: 'sitrep-status-site.zip', bytes }));
    const saveFile = vi.fn();
    await saveTarget(S3, S3_SECRET);
    await mount({ buildSiteDownload, saveFile });
    // The first target's public URL is where it is served, unless another is typed.
    expect(valueOf('site-download-url')).toBe('https://status.example.com/');
    await type('site-download-url', 'https://elsewhere.example.com/status/');
    await act(() => byId('site-download-url').closest('form')!.requestSubmit());
    await settle(() => expect(saveFile).toHaveBeenCalledWith('sitrep-status-site.zip', bytes));
    expect(buildSiteDownload).toHaveBeenCalledWith(db, 'https://elsewhere.example.com/status/');
    await settle(() => expect(root.textContent).toContain('Downloaded sitrep-status-site.zip.'));
  });

  it('asks where it will be served when that is not an address, and says when building fails', async () => {
    const buildSiteDownload = vi.fn(async () => {
      throw new Error('The widget bundles are missing');
    });
    const saveFile = vi.fn();
    await mount({ buildSiteDownload, saveFile });
    await type('site-download-url', 'status.example.com');
    await act(() => byId('site-download-url').closest('form')!.requestSubmit());
    await settle(() => expect(byId('site-download-url-error')?.textContent).toBe('Where readers will find the site, starting with http:// or https://'));
    expect(document.activeElement?.id).toBe('site-download-url');
    expect(buildSiteDownload).not.toHaveBeenCalled();

    await type('site-download-url', 'https://status.example.com');
    await act(() => byId('site-download-url').closest('form')!.requestSubmit());
    await settle(() => expect(root.querySelector('.site-download .error')?.textContent).toBe('Could not build the site: The widget bundles are missing'));
    expect(saveFile).not.toHaveBeenCalled();
  });
});

describe('targets helpers', () => {
  it('makes readable ids unlike any taken', () => {
    const parts = ['aaaaaa', 'aaaaaa', 'bbbbbb'];
    expect(newReadableId('s3', ['s3-aaaaaa'], () => parts.shift()!)).toBe('s3-bbbbbb');
    expect(newReadableId('github', [])).toMatch(/^github-[a-km-np-z2-9]{6}$/);
  });

  it('keeps the saved secret when the field is empty, and needs one when none is saved', () => {
    const values = { ...blankTargetValues(), url: 'https://status.example.com' };
    expect(prepareTarget('host', values, 'host', true)).toEqual({ ok: true, target: { kind: 'host', id: 'host', url: 'https://status.example.com' } });
    expect(prepareTarget('host', values, 'host', false)).toMatchObject({
      ok: false,
      errors: { fields: { secret: expect.stringMatching(/^Paste the token/) } },
    });
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addEntry, declareIncident, getPostmortem, updateIncident, type SitrepDb } from '../../src/db';
import { publishTargetsItem } from '../../src/db/storage-items';
import type { Incident } from '../../src/model';
import { SECTION_PROMPTS } from '../../src/report/postmortem-outline';
import { PostmortemTab } from '../../src/ui/components/postmortem/postmortem-tab';
import { AppContext } from '../../src/ui/state/context';
import { createLogState } from '../../src/ui/state/log-state';
import type { PostmortemStateDeps } from '../../src/ui/state/postmortem-state';
import { byId, choose, click, disposeAfter, freshDb, mount, root, settle, testIdText, type, unmount } from './render';

const T0 = new Date('2026-11-28T09:00:00.000Z');
let db: SitrepDb;
let incident: Incident;

/** A page whose visibility the test sets: happy-dom's document.visibilityState cannot be changed. */
function fakePage() {
  const events = new EventTarget();
  const page = {
    document: { visibilityState: 'visible' as DocumentVisibilityState },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    fire: (name: string) => events.dispatchEvent(new Event(name)),
  };
  return page;
}

beforeEach(async () => {
  db = freshDb();
  incident = await declareIncident(db, { title: 'Checkout down', severity: 'SEV1' }, { author: 'Ana', now: T0 });
  incident = (await updateIncident(
    db,
    incident.id,
    { impact: 'No card payments in the EU.', detectedAt: '2026-11-28T09:04:00.000Z' },
    { author: 'Ana', now: T0 },
  ))!;
  await addEntry(db, {
    incidentId: incident.id,
    kind: 'alert',
    text: 'Payment errors above 20%',
    author: 'Ana',
    at: '2026-11-28T09:03:00.000Z',
    starred: true,
  });
});

async function open(deps: PostmortemStateDeps & { onPublishPublic?: (id: string) => Promise<unknown> } = {}) {
  const log = disposeAfter(createLogState(db));
  await log.ready;
  const { onPublishPublic, ...rest } = deps;
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <PostmortemTab key={incident.id} incident={incident} onPublishPublic={onPublishPublic} deps={{ debounceMs: 60_000, ...rest }} />
    </AppContext.Provider>,
  );
  await click('Post-mortem');
  expect(byId('pm-tab').getAttribute('aria-expanded')).toBe('true');
}

async function drafted(deps: Parameters<typeof open>[0] = {}) {
  await open(deps);
  await settle(() => expect(byId('pm-draft')).not.toBeNull());
  await click('Draft post-mortem');
  await settle(() => expect(byId('pm-summary')).not.toBeNull());
}

const textarea = (id: string) => byId<HTMLTextAreaElement>(id);

describe('PostmortemTab: drafting', () => {
  it('drafts in one click; empty sections show their blameless prompt as a placeholder, not as text', async () => {
    await drafted();
    expect(textarea('pm-impact').value).toBe('No card payments in the EU.');
    expect(textarea('pm-detection').value).toContain('- 09:03 UTC — Payment errors above 20%');
    expect(textarea('pm-rootCause').value).toBe('');
    expect(textarea('pm-rootCause').placeholder).toBe(SECTION_PROMPTS.rootCause);
    expect(byId('pm-rootCause-prompt').textContent).toBe(SECTION_PROMPTS.rootCause);
    const stored = await getPostmortem(db, incident.id);
    expect(stored?.sections.rootCause).toBe('');
    expect(stored?.authors).toEqual(['Ana']);
    const headings = [...root.querySelectorAll('h2, h3, h4')].map((h) => h.textContent);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Summary',
        'Impact',
        'Root Cause',
        'Trigger and Detection',
        'Resolution',
        'Long-term fix',
        'Lessons Learned',
        'Where we got lucky',
      ]),
    );
    expect(headings).toContain('Public post-mortem — customers read this');
  });
});

describe('PostmortemTab: saved as typed', () => {
  it('saves when the typing pauses', async () => {
    await drafted({ debounceMs: 20 });
    await type('pm-rootCause', 'The certificate expired.');
    expect(testIdText('pm-save-state')).toBe('Not saved yet');
    await settle(async () => expect((await getPostmortem(db, incident.id))?.sections.rootCause).toBe('The certificate expired.'));
    await settle(() => expect(testIdText('pm-save-state')).toBe('All changes saved'));
  });

  it.each([
    ['pagehide', 'visible'],
    ['visibilitychange', 'hidden'],
  ] as const)('saves at once on %s, long before the pause ends: closing the panel loses nothing', async (event, visibility) => {
    const page = fakePage();
    await drafted({ window: page });
    await type('pm-wentWell', 'Rollback took two minutes.');
    await type('pm-public-opening', 'We are sorry.');
    expect((await getPostmortem(db, incident.id))?.sections.wentWell).toBe('');
    page.document.visibilityState = visibility;
    page.fire(event);
    await settle(async () => {
      const pm = await getPostmortem(db, incident.id);
      expect(pm?.sections.wentWell).toBe('Rollback took two minutes.');
      expect(pm?.public.opening).toBe('We are sorry.');
    });
  });

  it('does not save on a visibilitychange that shows the page', async () => {
    const page = fakePage();
    await drafted({ window: page });
    await type('pm-wentWell', 'Typed');
    page.fire('visibilitychange');
    await new Promise((r) => setTimeout(r, 50));
    expect((await getPostmortem(db, incident.id))?.sections.wentWell).toBe('');
  });

  it('saves what was typed when the view is closed (unmounted)', async () => {
    await drafted();
    await type('pm-lucky', 'It happened at 9 am.');
    await unmount();
    await settle(async () => expect((await getPostmortem(db, incident.id))?.sections.lucky).toBe('It happened at 9 am.'));
  });

  it('saves status, authors and the timeline choice', async () => {
    await drafted();
    await choose('pm-status', 'in-review');
    await type('pm-authors', 'Ana, Bo , ');
    byId('pm-authors').dispatchEvent(new Event('change', { bubbles: true }));
    await click(root.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]);
    await settle(async () => expect(await getPostmortem(db, incident.id)).toMatchObject({ status: 'in-review', authors: ['Ana', 'Bo'], timeline: 'all' }));
  });
});

describe('PostmortemTab: export and publish', () => {
  it('copies and downloads the Markdown (with what was just typed) and downloads the HTML', async () => {
    const clipboard = { writeText: vi.fn(async (_text: string) => {}) };
    const download = vi.fn();
    await drafted({ clipboard, download });
    await type('pm-rootCause', 'Expired <b>certificate</b>');
    await click('Copy Markdown');
    await settle(() => expect(clipboard.writeText).toHaveBeenCalledTimes(1));
    const markdown = clipboard.writeText.mock.calls[0]![0];
    expect(markdown).toContain('# Post-mortem: INC-1 — Checkout down');
    expect(markdown).toContain('## Root Cause\n\nExpired \\<b>certificate\\</b>');
    expect(markdown).toContain('- 09:03 UTC — ★ **Alert:** Payment errors above 20%');
    expect(testIdText('pm-notice')).toBe('Markdown copied');

    await click('Download .md');
    await click('Download .html');
    await settle(() => expect(download).toHaveBeenCalledTimes(2));
    expect(download.mock.calls.map((c) => [c[0], c[2]])).toEqual([
      ['INC-1-postmortem.md', 'text/markdown;charset=utf-8'],
      ['INC-1-postmortem.html', 'text/html;charset=utf-8'],
    ]);
    expect(download.mock.calls[1]![1]).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('publishes to the chosen GitHub target; without one, says where to add it', async () => {
    const publishToGitHub = vi.fn(async () => ({ path: 'postmortems/INC-1.md', commit: 'a'.repeat(40) }));
    await drafted({ publishToGitHub });
    expect(root.textContent).toContain('add a private GitHub repository in Settings → Publishing');
    const github = { kind: 'github', apiUrl: 'https://api.github.com', branch: 'main', directory: '', publicUrl: 'https://acme.github.io/s' };
    await publishTargetsItem.setValue([
      { kind: 'host', id: 'host', url: 'https://status.example.com' },
      { ...github, id: 'pages', owner: 'acme', repo: 'status' },
      { ...github, id: 'team', owner: 'acme', repo: 'incidents' },
    ]);
    await settle(() => expect(byId('pm-repo-target')).not.toBeNull());
    expect([...byId<HTMLSelectElement>('pm-repo-target').options].map((o) => o.textContent)).toEqual(['acme/status (main)', 'acme/incidents (main)']);
    await choose('pm-repo-target', 'team');
    await click('Publish to team repository');
    await settle(() => expect(testIdText('pm-notice')).toBe('Published to acme/incidents: postmortems/INC-1.md'));
    expect(publishToGitHub).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'team' }),
      expect.objectContaining({ incident: expect.objectContaining({ id: incident.id }) }),
    );
  });

  it('says why a publish to the repository failed', async () => {
    const publishToGitHub = vi.fn(async () => {
      throw new Error('acme/incidents is not private: an internal post-mortem goes only to a private team repository');
    });
    await publishTargetsItem.setValue([
      {
        kind: 'github',
        id: 'team',
        apiUrl: 'https://api.github.com',
        owner: 'acme',
        repo: 'incidents',
        branch: 'main',
        directory: '',
        publicUrl: 'https://acme.github.io/s',
      },
    ]);
    await drafted({ publishToGitHub });
    await settle(() => expect(byId('pm-repo-target')).not.toBeNull());
    await click('Publish to team repository');
    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('is not private'));
    expect(testIdText('pm-notice')).toBe('');
  });

  it('saves the public part apart, and publishes it through onPublishPublic', async () => {
    const onPublishPublic = vi.fn(async (_id: string) => {});
    await drafted({ onPublishPublic });
    await type('pm-public-whatHappened', 'A certificate expired.');
    await click('Publish public post-mortem to the status site');
    await settle(() => expect(onPublishPublic).toHaveBeenCalledWith(incident.id));
    const pm = await getPostmortem(db, incident.id);
    // Flushed before publishing, and only into the public part.
    expect(pm?.public.whatHappened).toBe('A certificate expired.');
    expect(Object.values(pm!.sections)).not.toContain('A certificate expired.');
    expect(testIdText('pm-public-published')).toBe('Not published yet.');
  });

  it('shows why the public post-mortem cannot be published', async () => {
    await drafted({ onPublishPublic: async () => Promise.reject(new Error('Write the public post-mortem’s closing first.')) });
    await click('Publish public post-mortem to the status site');
    await settle(() => expect(root.querySelector('.pm-public [role="alert"]')?.textContent).toBe('Write the public post-mortem’s closing first.'));
  });
});

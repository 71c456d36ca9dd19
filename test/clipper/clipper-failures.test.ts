// The background's start-up and message handling: a failure is logged once or answered as a
// failed clip, never an unhandled rejection in the service worker; and what a page's script
// answers is parsed with its schema before it is used.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clipTab } from '../../src/clipper/clip-tab';
import { createClipper } from '../../src/clipper/clipper';
import { logFailure } from '../../src/clipper/log-failure';
import { readSelection } from '../../src/clipper/page-scripts';
import { extractJiraPage } from '../../src/capture/extract-page';
import { countHeldClips, declareIncident, listEntries } from '../../src/db';
import { activeIncidentIdItem } from '../../src/db/storage-items';
import { ClipResult } from '../../src/model/script-results';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-11-28T09:10:00.000Z');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function pageAnswers(answers: Map<unknown, unknown>) {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ func }: { func: unknown }) => [
    { frameId: 0, result: answers.get(func) },
  ]) as never);
}

describe('createClipper().setUp', () => {
  it('logs a failure once and resolves, for a listener that cannot handle a rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockRejectedValue(new Error('menus are gone'));
    await expect(createClipper(freshDb()).setUp()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('Sitrep: setting up the menus and badge failed.', expect.objectContaining({ message: 'menus are gone' }));
  });

  it('shows how many clips wait, counted by the repository', async () => {
    const db = freshDb();
    pageAnswers(new Map<unknown, unknown>([[readSelection, { selection: 'a', title: 't' }]]));
    const tab = { id: 7, windowId: 1, url: 'https://example.com/', title: 'Example' };
    await clipTab(db, { tab }, NOW);
    await clipTab(db, { tab }, NOW);
    expect(await countHeldClips(db)).toBe(2);
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue('' as never);
    await createClipper(db).setUp();
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
  });
});

describe('createClipper().onMessage', () => {
  it('answers a clip of a tab that cannot be read with a failed result, not a rejection', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 99.'));
    const reply = createClipper(freshDb()).onMessage({ type: 'clip', tabId: 99 }, { id: fakeBrowser.runtime.id });
    const answer = await reply;
    expect(ClipResult.parse(answer)).toEqual({ status: 'failed', error: 'No tab with id: 99.' });
  });

  it('answers a timeline that cannot be opened with ok: false, logged once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValue(new Error('tabs are gone'));
    const reply = createClipper(freshDb()).onMessage({ type: 'open-timeline' }, { id: fakeBrowser.runtime.id });
    await expect(reply).resolves.toEqual({ ok: false });
    expect(error).toHaveBeenCalledTimes(1);
  });
});

describe('logFailure', () => {
  it('names what failed and passes the error on, once', () => {
    const log = vi.fn();
    const cause = new Error('x');
    logFailure('publishing after a target changed', log)(cause);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Sitrep: publishing after a target changed failed.', cause);
  });
});

describe('clipTab parses what the page answers', () => {
  it.each([
    ['a selection that is not text', { selection: 42, title: 'Checkout 500s' }],
    ['a count that is not a count', { selection: 'x', selectionLength: -1, title: 'Checkout 500s' }],
    ['nothing at all', undefined],
  ])('clips with the tab’s own title when the page sends %s', async (_name, answer) => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(new Map<unknown, unknown>([[readSelection, answer]]));
    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: 'https://example.com/', title: 'Tab title' } }, NOW);
    expect(result).toMatchObject({ status: 'added' });
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip.text).toBe('Tab title');
  });

  it('drops a ticket page’s facts of the wrong shape, keeping the clip', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(
      new Map<unknown, unknown>([
        [readSelection, { selection: '', title: 'PAY-12' }],
        [extractJiraPage, { title: ['not', 'text'] }],
      ]),
    );
    const url = 'https://acme.atlassian.net/browse/PAY-12';
    expect(await clipTab(db, { tab: { id: 7, windowId: 1, url, title: 'PAY-12' } }, NOW)).toMatchObject({ status: 'added' });
    const clipped = (await listEntries(db, incident.id)).find((e) => e.clip)!;
    expect(clipped.clip).toMatchObject({ tool: 'jira', pageUrl: url });
    expect(clipped.clip?.panelTitle).toBeUndefined();
  });
});

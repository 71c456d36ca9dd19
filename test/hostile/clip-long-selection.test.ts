// @vitest-environment happy-dom
// A selection longer than an entry holds is shortened, and the entry says so.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildClipDraft } from '../../src/capture/build-clip';
import { recognize } from '../../src/capture/recognize';
import { clipTab } from '../../src/clipper/clip-tab';
import { readSelection } from '../../src/clipper/page-scripts';
import { declareIncident, listEntries } from '../../src/db';
import { activeIncidentIdItem } from '../../src/db/storage-items';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const FIVE_MB = 5 * 1024 * 1024; // 5,242,880
const PAGE = 'https://ops.example.com/logs/raw';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('a 5 MB selection', () => {
  it('the page script sends at most what an entry holds, and the full length', () => {
    document.body.innerHTML = '';
    const p = document.createElement('p');
    p.textContent = 'x'.repeat(FIVE_MB);
    document.body.append(p);
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);

    const read = readSelection();

    expect(read.selection.length).toBe(100_000);
    expect(read.selectionLength).toBe(FIVE_MB);
  });

  it.each([
    ['as the page script reports it', { selection: 'x'.repeat(100_000), selectionLength: FIVE_MB }],
    ['as the context menu hands it over, whole', { selection: 'x'.repeat(FIVE_MB) }],
  ])('is cut to fit, and the entry says from how many characters (%s)', (_how, fields) => {
    const draft = buildClipDraft({ pageUrl: PAGE, pageTitle: 'Raw logs', recognized: recognize(PAGE, NOW), components: [], ...fields });
    expect(draft.text.length).toBeLessThanOrEqual(100_000);
    expect(draft.text.length).toBeGreaterThan(99_000);
    expect(draft.clip.notice).toBe('Selection shortened from 5,242,880 characters to 100,000.');
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const emoji = '🔥'.repeat(60_000); // 60,000 characters, 120,000 code units
    const draft = buildClipDraft({ pageUrl: PAGE, pageTitle: 'Raw logs', recognized: recognize(PAGE, NOW), components: [], selection: emoji });
    expect(draft.text.length).toBeLessThanOrEqual(100_000);
    expect(draft.text).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(draft.clip.notice).toMatch(/^Selection shortened from 60,000 characters to [\d,]+\.$/);
  });

  it('a selection that fits says nothing', () => {
    const draft = buildClipDraft({ pageUrl: PAGE, pageTitle: 'Raw logs', recognized: recognize(PAGE, NOW), components: [], selection: 'x'.repeat(100_000) });
    expect(draft.text.length).toBe(100_000);
    expect(draft.clip.notice).toBeUndefined();
  });

  it('clipped from a page, the saved entry carries the notice', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [
      { frameId: 0, result: { selection: 'x'.repeat(100_000), selectionLength: FIVE_MB, title: 'Raw logs' } },
    ]) as never);

    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: PAGE, title: 'Raw logs' } }, NOW);

    expect(result).toMatchObject({ status: 'added', notices: ['Selection shortened from 5,242,880 characters to 100,000.'] });
    const entry = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(entry.text.length).toBe(100_000);
    expect(entry.clip?.notice).toBe('Selection shortened from 5,242,880 characters to 100,000.');
  });
});

describe('a 5 MB selection clipped from the context menu', () => {
  it('takes the count from the page when the menu handed over less than the page holds', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [
      { frameId: 0, result: { selection: 'x'.repeat(100_000), selectionLength: FIVE_MB, title: 'Raw logs' } },
    ]) as never);

    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: PAGE, title: 'Raw logs' }, selectionText: 'x'.repeat(20_000) }, NOW);

    expect(result).toMatchObject({ status: 'added', notices: ['Selection shortened from 5,242,880 characters to 20,000.'] });
  });

  it('says nothing when the menu and the page differ only in whitespace', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [
      { frameId: 0, result: { selection: 'a  b\n\n c', selectionLength: 9, title: 'Raw logs' } },
    ]) as never);
    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: PAGE, title: 'Raw logs' }, selectionText: 'a b c' }, NOW);
    expect(result).toMatchObject({ status: 'added', notices: [] });
  });
});

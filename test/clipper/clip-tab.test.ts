import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clipTab } from '../../src/clipper/clip-tab';
import { createClipper } from '../../src/clipper/clipper';
import { extractGrafanaPage } from '../../src/capture/extract-page';
import { readSelection } from '../../src/clipper/page-scripts';
import { declareIncident, listEntries, listHeldClips, saveComponent, updateIncident } from '../../src/db';
import { activeIncidentIdItem, settingsItem } from '../../src/db/storage-items';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const GRAFANA = 'https://ops.example.com/monitoring/grafana/d/pay-01/payments?orgId=1&from=now-1h&to=now';
const tab = { id: 7, windowId: 1, url: GRAFANA, title: 'Payments - Grafana' };

/** What the page answers, per injected function; an Error means the page refused scripts. */
function pageAnswers(answers: Map<unknown, unknown>) {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ func }: { func: unknown }) => {
    const answer = answers.get(func);
    if (answer instanceof Error) throw answer;
    return [{ frameId: 0, result: answer }];
  }) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('clipTab', () => {
  it('adds the selection to the active incident with the frozen window, panel and component', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    await settingsItem.setValue({ author: 'Ana', timeDisplay: 'utc', screenshotOnClip: false });
    const payments = await saveComponent(db, {
      name: 'Payments',
      owner: 'Team Cash',
      dashboardPatterns: ['https://ops.example.com/monitoring/grafana/d/pay-01'],
    });
    pageAnswers(
      new Map<unknown, unknown>([
        [readSelection, { selection: 'POST /v1/charges 12.4', title: 'Payments - Grafana' }],
        [extractGrafanaPage, { panelTitle: '5xx errors by route', dashboardTitle: 'Payments' }],
      ]),
    );

    const result = await clipTab(db, { tab }, NOW);

    expect(result).toMatchObject({ status: 'added', incidentKey: 'INC-1', notices: [] });
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip).toMatchObject({ text: 'POST /v1/charges 12.4', author: 'Ana', at: NOW.toISOString() });
    expect(clip.clip).toMatchObject({
      tool: 'grafana',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panelTitle: '5xx errors by route',
      dashboardTitle: 'Payments',
      componentIds: [payments.id],
    });
    expect(clip.sourceUrl).toBe('https://ops.example.com/monitoring/grafana/d/pay-01/payments?orgId=1&from=1795853400000&to=1795857000000');
  });

  it('holds the clip when no incident is active, so it is never lost', async () => {
    const db = freshDb();
    pageAnswers(new Map<unknown, unknown>([[readSelection, { selection: '', title: 'Payments - Grafana' }]]));
    const result = await clipTab(db, { tab }, NOW);
    expect(result).toMatchObject({ status: 'held' });
    const [held] = await listHeldClips(db);
    expect(held?.draft.clip.tool).toBe('grafana');
  });

  it('holds the clip when the active incident is resolved, and says so', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: NOW });
    await updateIncident(db, incident.id, { status: 'resolved' }, { author: 'Ana', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(new Map<unknown, unknown>([[readSelection, { selection: 'late spike', title: 'Payments - Grafana' }]]));

    const result = await clipTab(db, { tab }, NOW);

    expect(result).toMatchObject({ status: 'held', notices: [expect.stringMatching(/^INC-1 is resolved, so the clip waits/)] });
    expect((await listEntries(db, incident.id)).filter((e) => e.kind === 'clip')).toEqual([]);
    const [held] = await listHeldClips(db);
    expect(held?.draft.text).toBe('late spike');
  });

  it('adds to an incident again once it is reopened', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: NOW });
    await updateIncident(db, incident.id, { status: 'resolved' }, { author: 'Ana', now: NOW });
    await updateIncident(db, incident.id, { status: 'monitoring' }, { author: 'Ana', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(new Map<unknown, unknown>([[readSelection, { selection: 'late spike', title: 'Payments - Grafana' }]]));
    expect(await clipTab(db, { tab }, NOW)).toMatchObject({ status: 'added', incidentKey: 'INC-1', notices: [] });
  });

  it('still clips a page that refuses scripts, as a link with a notice', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(
      new Map<unknown, unknown>([
        [readSelection, new Error('Cannot access a chrome:// URL')],
        [extractGrafanaPage, new Error('no')],
      ]),
    );
    const result = await clipTab(db, { tab: { ...tab, url: 'chrome://settings', title: 'Settings' } }, NOW);
    expect(result).toMatchObject({ status: 'added', notices: [expect.stringMatching(/clipped as a link only/)] });
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip).toMatchObject({ text: 'Settings', clip: { tool: 'generic', pageUrl: 'chrome://settings' } });
    expect(clip.sourceUrl).toBeUndefined();
  });

  it('ignores page facts of the wrong shape (page content is untrusted)', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(
      new Map<unknown, unknown>([
        [readSelection, { selection: 'hi', title: 't' }],
        [extractGrafanaPage, { panelTitle: { toString: 'evil' }, dashboardTitle: 'x'.repeat(10_000) }],
      ]),
    );
    expect(await clipTab(db, { tab }, NOW)).toMatchObject({ status: 'added' });
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip.clip?.panelTitle).toBeUndefined();
  });

  it('says why a requested screenshot is missing and keeps the clip', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(new Map<unknown, unknown>([[readSelection, { selection: 'hi', title: 't' }]]));
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error('Tab is not visible'));
    const result = await clipTab(db, { tab, screenshot: true }, NOW);
    expect(result).toMatchObject({ status: 'added', notices: ['No screenshot: Tab is not visible'] });
  });
});

describe('createClipper().onMessage', () => {
  it.each([
    ['another extension', { type: 'clip' }, { id: 'someone-else' }],
    ['an unknown message', { type: 'format-disk' }, undefined],
    ['a malformed clip', { type: 'clip', tabId: 'seven' }, undefined],
  ])('ignores %s', (_name, message, sender) => {
    const clipper = createClipper(freshDb());
    expect(clipper.onMessage(message, { id: fakeBrowser.runtime.id, ...sender })).toBeUndefined();
  });
});

// A page cannot make itself unclippable: a time range Sitrep cannot store is dropped with a
// notice and the clip is saved without it; whatever the page says, the clip is never lost.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildClipDraft } from '../../src/capture/build-clip';
import { extractGrafanaPage, extractKibanaPage } from '../../src/capture/extract-page';
import { recognize } from '../../src/capture/recognize';
import { clipTab } from '../../src/clipper/clip-tab';
import { createClipper } from '../../src/clipper/clipper';
import { showClipFeedback } from '../../src/clipper/feedback';
import { readSelection } from '../../src/clipper/page-scripts';
import { declareIncident, listEntries, listHeldClips } from '../../src/db';
import { activeIncidentIdItem, settingsItem } from '../../src/db/storage-items';
import { ClipDraft } from '../../src/model';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const GRAFANA = 'https://ops.example.com/grafana/d/pay-01/payments';
const KIBANA = 'https://ops.example.com/kibana/app/discover#/';

/** Page URLs whose range resolves outside what a stored instant may hold. */
const UNREADABLE: [string, string][] = [
  ['from=now-9999y', `${GRAFANA}?orgId=1&from=now-9999y&to=now`],
  ['from=8640000000000000 (the last instant a Date holds)', `${GRAFANA}?orgId=1&from=8640000000000000&to=now`],
  ['from=-8640000000000000', `${GRAFANA}?orgId=1&from=-8640000000000000&to=now`],
  ['to=now+9999y', `${GRAFANA}?orgId=1&from=now-1h&to=now%2B9999y`],
  ['Kibana _g time from now-9999y', `${KIBANA}?_g=(time:(from:now-9999y,to:now))`],
  ['Kibana rangeFrom=now-9999y', 'https://ops.example.com/kibana/app/apm/services?rangeFrom=now-9999y&rangeTo=now'],
  [
    'Grafana Explore from now-9999y',
    'https://ops.example.com/grafana/explore?schemaVersion=1&panes={"a":{"range":{"from":"now-9999y","to":"now"},"queries":[]}}',
  ],
];

function pageAnswers(answers: Map<unknown, unknown>) {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ func }: { func: unknown }) => {
    const answer = answers.get(func);
    if (answer instanceof Error) throw answer;
    return [{ frameId: 0, result: answer }];
  }) as never);
}

const page = new Map<unknown, unknown>([
  [readSelection, { selection: 'p99 latency 2.4 s', title: 'Payments - Grafana' }],
  [extractGrafanaPage, {}],
  [extractKibanaPage, {}],
]);

/** One sentence a person can read: no line breaks, no JSON or regex, ends once. */
function expectOneSentence(text: string) {
  expect(text.length).toBeLessThanOrEqual(300);
  expect(text).not.toMatch(/[\n{}[\]\\^$]/);
  expect(text.match(/[.!?](\s|$)/g) ?? []).toHaveLength(1);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('a page whose time range cannot be stored', () => {
  it.each(UNREADABLE)('%s: the clip is added without the range, with a notice, linking the page as it was', async (_name, url) => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(page);

    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url, title: 'Payments - Grafana' } }, NOW);

    expect(result).toMatchObject({ status: 'added' });
    const notices = (result as { notices: string[] }).notices;
    expect(notices.join(' ')).toMatch(/time range/);
    notices.forEach(expectOneSentence);
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip.text).toBe('p99 latency 2.4 s');
    expect(clip.clip?.range).toBeUndefined();
    expect(clip.clip?.notice).toMatch(/time range/);
    // The frozen link was written from the unreadable range; the page's own address is the honest link.
    expect(clip.sourceUrl).toBe(url);
  });

  it('is held, not lost, when no incident is active', async () => {
    const db = freshDb();
    pageAnswers(page);
    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: UNREADABLE[0]![1], title: 'Payments' } }, NOW);
    expect(result).toMatchObject({ status: 'held' });
    const [held] = await listHeldClips(db);
    expect(held?.draft.clip.range).toBeUndefined();
    expect(held?.draft.clip.notice).toMatch(/time range/);
  });

  it('keeps a readable range of the same URL shape (the guard drops only what cannot be stored)', () => {
    const draft = buildClipDraft({
      pageUrl: `${GRAFANA}?orgId=1&from=now-1h&to=now`,
      pageTitle: 'P',
      recognized: recognize(`${GRAFANA}?orgId=1&from=now-1h&to=now`, NOW),
      components: [],
    });
    expect(draft.clip.range).toEqual({ from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true });
    expect(draft.clip.notice).toBeUndefined();
  });

  it('says so on the toolbar badge in one sentence, not a schema dump', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(page);
    const titles: string[] = [];
    vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation((async ({ title }: { title: string }) => void titles.push(title)) as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);

    const result = await createClipper(db).clip({ tab: { id: 7, windowId: 1, url: UNREADABLE[1]![1], title: 'Payments' } });

    expect(result.status).toBe('added');
    const tooltip = titles.at(-1)!;
    expect(tooltip).toMatch(/^Sitrep: clipped to INC-1 \(/);
    expect(tooltip).not.toMatch(/[\n{}[\]\\^$]/);
  });
});

describe('a clip is never lost, whatever the page', () => {
  it('when storing on the incident fails, the clip is held instead', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    pageAnswers(page);
    vi.spyOn(db.entries, 'add').mockRejectedValue(new Error('ConstraintError: Key already exists in the object store.'));
    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: `${GRAFANA}?from=now-1h`, title: 'P' } }, NOW);
    expect(result).toMatchObject({ status: 'held' });
    expect((result as { notices: string[] }).notices.join(' ')).toMatch(/could not be added to INC-1/);
    expect(await listHeldClips(db)).toHaveLength(1);
  });

  it('when even holding fails, the reason is one sentence', async () => {
    const db = freshDb();
    await settingsItem.setValue({ author: 'Ana', timeDisplay: 'utc', screenshotOnClip: false });
    pageAnswers(page);
    vi.spyOn(db.heldClips, 'add').mockRejectedValue(
      new Error('QuotaExceededError: The quota has been exceeded.\n    at IDBObjectStore.add (<anonymous>)\n    at /^(?:\\d{4})$/'),
    );
    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: `${GRAFANA}?from=now-1h`, title: 'P' } }, NOW);
    expect(result.status).toBe('failed');
    expectOneSentence((result as { error: string }).error);
  });

  it('a failed clip shows one sentence in the badge tooltip', async () => {
    const titles: string[] = [];
    vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation((async ({ title }: { title: string }) => void titles.push(title)) as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    const soup = `[\n  {\n    "origin": "string",\n    "pattern": "/^(?:(?:\\\\d\\\\d[2468][048]|\\\\d\\\\d[13579][26])-02-29)$/"\n  }\n]`;
    await showClipFeedback({ status: 'failed', error: soup }, 0, 7);
    expect(titles.at(-1)).toMatch(/^Sitrep: the clip failed — /);
    expectOneSentence(titles.at(-1)!.replace(/^Sitrep: the clip failed — /, ''));
  });

  it('a recognizer answer the model cannot hold (a tool it does not know yet) still gives a storable link clip', () => {
    const url = 'https://acme.example.com/unknown/Q1W2E3';
    const draft = buildClipDraft({
      pageUrl: url,
      pageTitle: 'Incident',
      recognized: { tool: 'a-tool-from-the-future' as never, frozenUrl: url },
      components: [],
    });
    expect(ClipDraft.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ text: 'Incident', sourceUrl: url, clip: { tool: 'generic', pageUrl: url } });
    expect(draft.clip.notice).toMatch(/clipped as a plain link/);
  });

  it('any page URL, title and selection give a draft the schema accepts (property)', () => {
    const hostileTime = fc.oneof(
      fc.constantFrom(
        'now-9999y',
        'now+9999y',
        'now-99999999999y',
        '8640000000000000',
        '-8640000000000000',
        '99999999999999999999',
        'now/fy',
        '',
        'constructor',
        '__proto__',
      ),
      fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }).map(String),
      fc.string(),
    );
    const shapes = [
      (f: string, t: string) => `${GRAFANA}?from=${encodeURIComponent(f)}&to=${encodeURIComponent(t)}`,
      (f: string, t: string) => `${GRAFANA}?time=${encodeURIComponent(f)}&time.window=${encodeURIComponent(t)}`,
      (f: string, t: string) => `${KIBANA}?_g=(time:(from:'${encodeURIComponent(f)}',to:'${encodeURIComponent(t)}'))`,
      (f: string, t: string) => `https://app.datadoghq.com/dashboard/abc?from_ts=${encodeURIComponent(f)}&to_ts=${encodeURIComponent(t)}`,
      (f: string, t: string) => `https://sentry.example.com/organizations/acme/issues/?start=${encodeURIComponent(f)}&end=${encodeURIComponent(t)}`,
      (f: string, t: string) => `https://jaeger.example.com/search?service=api&start=${encodeURIComponent(f)}&end=${encodeURIComponent(t)}`,
      (f: string, t: string) => `https://prometheus.example.com/graph?g0.expr=up&g0.end_input=${encodeURIComponent(f)}&g0.range_input=${encodeURIComponent(t)}`,
      (f: string) => f,
    ];
    fc.assert(
      fc.property(fc.nat(shapes.length - 1), hostileTime, hostileTime, fc.string({ maxLength: 3000 }), fc.string(), (shape, from, to, title, selection) => {
        const url = shapes[shape]!(from, to);
        const draft = buildClipDraft({ pageUrl: url, pageTitle: title, selection, recognized: recognize(url, NOW), components: [] });
        expect(ClipDraft.safeParse(draft).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

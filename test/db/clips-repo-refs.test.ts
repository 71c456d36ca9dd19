import { describe, expect, it } from 'vitest';
import { buildClip } from '../../src/capture/build-clip';
import {
  addClip,
  countCustomerReports,
  declareFromHeldClip,
  declareIncident,
  deleteEntry,
  editEntry,
  getScreenshot,
  holdClip,
  listCodeChanges,
  listEntries,
  listHeldClips,
  placeHeldClip,
  refEntryText,
  type SitrepDb,
} from '../../src/db';
import { exportBackup, importBackupText } from '../../src/db/backup-repo';
import { Clip, MAX_SIGHTINGS, TimelineEntry, type ClipDraft, type ClipRef, type HeldScreenshot } from '../../src/model';
import { parseBackup, serializeBackup } from '../../src/report/backup';
import { blobContents, rasterBytes } from '../report/records';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);
const iso = (hhmm: string) => t(hhmm).toISOString();

const PD_URL = 'https://acme.pagerduty.com/incidents/PT4KHLK';

/** A clip of one alert, ticket or change page as the clipper drafts it (nothing selected). */
function refDraft(overrides: Partial<ClipDraft['clip']> & { ref: ClipRef }, text?: string): ClipDraft {
  const clip: ClipDraft['clip'] = { tool: 'pagerduty', pageUrl: PD_URL, pageTitle: '', frozenUrl: PD_URL, componentIds: [], ...overrides };
  const where = [clip.panelTitle, clip.dashboardTitle ?? clip.pageTitle].filter(Boolean).join(' — ') || clip.pageUrl;
  return { text: text ?? where, ...(clip.frozenUrl && { sourceUrl: clip.frozenUrl }), clip };
}

const alertDraft = (overrides: Partial<ClipDraft['clip']> = {}, text?: string) =>
  refDraft({ panelTitle: 'Error rate above 5% on checkout-api', pageTitle: 'PagerDuty', ref: { kind: 'alert', id: 'PT4KHLK' }, ...overrides }, text);

function picture(seed = 1): HeldScreenshot {
  return {
    image: new Blob([rasterBytes('image/webp', 4000, seed)], { type: 'image/webp' }),
    thumbnail: new Blob([rasterBytes('image/jpeg', 200, seed + 1)], { type: 'image/jpeg' }),
    width: 1440,
    height: 900,
  };
}

async function withIncident(db: SitrepDb, title = 'Checkout errors') {
  return declareIncident(db, { title, severity: 'SEV2' }, { author: 'Ana', now: t('09:00') });
}

describe('a clip of an alert, ticket or change page', () => {
  it.each<[string, ClipDraft, TimelineEntry['kind'], string]>([
    ['a PagerDuty incident, its title read from the page', alertDraft(), 'alert', 'PagerDuty PT4KHLK: Error rate above 5% on checkout-api'],
    ['a PagerDuty incident whose page said nothing more', refDraft({ pageTitle: '', ref: { kind: 'alert', id: 'PT4KHLK' } }), 'alert', 'PagerDuty PT4KHLK'],
    [
      'an Opsgenie alert, the page title only',
      refDraft({
        tool: 'opsgenie',
        pageUrl: 'https://acme.app.opsgenie.com/alert/detail/70413a06-38d6-4c85-92b8-5ebc900d42e2-1588258347071/details',
        pageTitle: 'Opsgenie - Alert',
        ref: { kind: 'alert', id: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1588258347071' },
      }),
      'alert',
      'Opsgenie 70413a06-38d6-4c85-92b8-5ebc900d42e2-1588258347071: Opsgenie - Alert',
    ],
    [
      'a Zendesk ticket, its subject read from the page',
      refDraft({
        tool: 'zendesk',
        pageUrl: 'https://acme.zendesk.com/agent/tickets/8812',
        pageTitle: 'Ticket: Checkout fails with 500 – Acme Support',
        panelTitle: 'Checkout fails with 500',
        ref: { kind: 'ticket', id: '8812' },
      }),
      'report',
      'Zendesk #8812: Checkout fails with 500',
    ],
    [
      'a Jira issue, named by its key',
      refDraft({
        tool: 'jira',
        pageUrl: 'https://acme.atlassian.net/browse/SUP-123',
        pageTitle: '[SUP-123] Card declined at checkout - Jira',
        ref: { kind: 'ticket', id: 'SUP-123' },
      }),
      'report',
      'Jira SUP-123: [SUP-123] Card declined at checkout - Jira',
    ],
    [
      'a GitHub pull request, named by its host and repository',
      refDraft({
        tool: 'github',
        pageUrl: 'https://github.com/acme/api/pull/412',
        pageTitle: 'Cache card tokens by acme-dev · Pull Request #412 · acme/api',
        panelTitle: 'Cache card tokens',
        ref: { kind: 'change', id: 'acme/api#412' },
      }),
      'code',
      'github.com/acme/api#412: Cache card tokens',
    ],
    [
      'a merge request on a self-hosted GitLab',
      refDraft({
        tool: 'gitlab',
        pageUrl: 'https://gitlab.acme.io/payments/app/-/merge_requests/17',
        pageTitle: '',
        ref: { kind: 'change', id: 'payments/app!17' },
      }),
      'code',
      'gitlab.acme.io/payments/app!17',
    ],
    [
      'an alert with text selected, which follows its name',
      alertDraft({}, 'Triggered by checkout-api 5xx monitor'),
      'alert',
      'PagerDuty PT4KHLK: Error rate above 5% on checkout-api\nTriggered by checkout-api 5xx monitor',
    ],
  ])('%s becomes an entry of its kind, named as people say it', async (_name, draft, kind, text) => {
    const db = freshDb();
    const incident = await withIncident(db);
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft }, t('09:10'));
    expect(entry).toMatchObject({ kind, text, at: iso('09:10'), sourceUrl: draft.sourceUrl });
    expect(entry.clip?.ref).toEqual(draft.clip.ref);
    expect((await listEntries(db, incident.id)).map((e) => [e.kind, e.text])).toEqual([
      ['change', 'Declared SEV2: Checkout errors'],
      [kind, text],
    ]);
  });

  it('a clip without a ref is still a plain clip with its own text', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const { ref: _none, ...clip } = alertDraft().clip;
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: { text: 'p99 2.4 s', clip } }, t('09:10'));
    expect(entry).toMatchObject({ kind: 'clip', text: 'p99 2.4 s' });
  });

  it('tells a page clipped with nothing selected from a selection, as the clipper drafts them', () => {
    const input = {
      pageUrl: PD_URL,
      pageTitle: 'PagerDuty',
      recognized: { tool: 'pagerduty' as const, frozenUrl: PD_URL },
      panelTitle: 'Error rate above 5%',
      components: [],
    };
    const ref: ClipRef = { kind: 'alert', id: 'PT4KHLK' };
    const withRef = (d: ClipDraft): ClipDraft => ({ ...d, clip: { ...d.clip, ref } });
    expect(refEntryText(withRef(buildClip(input).draft), ref)).toBe('PagerDuty PT4KHLK: Error rate above 5%');
    expect(refEntryText(withRef(buildClip({ ...input, selection: 'checkout-api' }).draft), ref)).toBe('PagerDuty PT4KHLK: Error rate above 5%\ncheckout-api');
    // The page's own title stands in for page facts, unless it is just the tool's name.
    expect(refEntryText(withRef(buildClip({ ...input, panelTitle: undefined, pageTitle: '#4211 Error rate above 5%' }).draft), ref)).toBe(
      'PagerDuty PT4KHLK: #4211 Error rate above 5%',
    );
    expect(refEntryText(withRef(buildClip({ ...input, panelTitle: undefined }).draft), ref)).toBe('PagerDuty PT4KHLK');
  });
});

describe('sightings: the same alert clipped again on the same incident', () => {
  it('stays one alert entry, each later clip a sighting with its time', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const second = await addClip(db, { incidentId: incident.id, author: 'Bo', draft: alertDraft() }, t('09:25'));
    const third = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:40'));

    expect([second.id, third.id]).toEqual([first.id, first.id]);
    const alerts = (await listEntries(db, incident.id)).filter((e) => e.kind === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      at: iso('09:10'),
      author: 'Ana',
      text: 'PagerDuty PT4KHLK: Error rate above 5% on checkout-api',
      updatedAt: iso('09:40'),
    });
    expect(alerts[0]!.clip?.sightings).toEqual([{ at: iso('09:25') }, { at: iso('09:40') }]);
  });

  it("keeps a later clip's selection and screenshot on its sighting", async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const entry = await addClip(
      db,
      { incidentId: incident.id, author: 'Ana', draft: alertDraft({}, 'Acknowledged by Bo'), screenshot: picture(3) },
      t('09:30'),
    );
    const [sighting] = entry.clip!.sightings!;
    expect(sighting).toMatchObject({ at: iso('09:30'), text: 'Acknowledged by Bo' });
    const shot = await getScreenshot(db, sighting!.screenshotId!);
    expect(shot).toMatchObject({ incidentId: incident.id, takenAt: iso('09:30') });
    expect(await blobContents(shot!.image)).toEqual({ type: 'image/webp', bytes: [...rasterBytes('image/webp', 4000, 3)] });
    // The entry's own text is not touched by what a later clip selected.
    expect(entry.text).toBe('PagerDuty PT4KHLK: Error rate above 5% on checkout-api');
  });

  it('takes the alert time from a later clip when the first page did not show it', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft({ alertedAt: iso('08:47') }) }, t('09:20'));
    expect(entry.clip?.alertedAt).toBe(iso('08:47'));
    const again = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft({ alertedAt: iso('08:59') }) }, t('09:30'));
    expect(again.clip?.alertedAt).toBe(iso('08:47'));
  });

  it('a new entry starts with no sightings, whatever its draft claims', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft({ sightings: [{ at: iso('08:00') }] }) }, t('09:10'));
    expect(entry.clip?.sightings).toBeUndefined();
  });

  it('orders sightings by when they were taken, whatever order they arrive in', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft(), takenAt: t('09:50') }, t('09:51'));
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft(), takenAt: t('09:20') }, t('09:52'));
    expect(entry.clip!.sightings!.map((s) => s.at)).toEqual([iso('09:20'), iso('09:50')]);
  });

  it.each<[string, Partial<ClipDraft['clip']>]>([
    ['another alert id', { ref: { kind: 'alert', id: 'PQ9ZZZZ' } }],
    ['the same id in another tool', { tool: 'opsgenie', ref: { kind: 'alert', id: 'PT4KHLK' } }],
    ['the same id as a ticket', { tool: 'pagerduty', ref: { kind: 'ticket', id: 'PT4KHLK' } }],
  ])('is a new entry for %s', async (_name, other) => {
    const db = freshDb();
    const incident = await withIncident(db);
    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const second = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft(other) }, t('09:20'));
    expect(second.id).not.toBe(first.id);
    expect(second.clip?.sightings).toBeUndefined();
    expect((await listEntries(db, incident.id)).find((e) => e.id === first.id)?.clip?.sightings).toBeUndefined();
  });

  it('is a new entry on another incident, and after the first was deleted', async () => {
    const db = freshDb();
    const one = await withIncident(db, 'One');
    const two = await withIncident(db, 'Two');
    const onOne = await addClip(db, { incidentId: one.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const onTwo = await addClip(db, { incidentId: two.id, author: 'Ana', draft: alertDraft() }, t('09:20'));
    expect(onTwo.id).not.toBe(onOne.id);

    await deleteEntry(db, onOne.id, t('09:30'));
    const again = await addClip(db, { incidentId: one.id, author: 'Ana', draft: alertDraft() }, t('09:40'));
    expect(again.id).not.toBe(onOne.id);
    expect(again.clip?.sightings).toBeUndefined();
  });

  it('starts a new alert entry once the first was edited into another kind (sightings are found by kind, by index)', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    await editEntry(db, first.id, { kind: 'note', text: 'The page that woke us' }, t('09:15'));
    const again = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:20'));
    expect(again.id).not.toBe(first.id);
    expect(again.kind).toBe('alert');
    expect(await db.entries.get(first.id)).toMatchObject({ kind: 'note', text: 'The page that woke us' });
  });

  it('starts a new entry once one holds as many sightings as an entry keeps', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const full = { ...first, clip: { ...first.clip!, sightings: Array.from({ length: MAX_SIGHTINGS }, () => ({ at: iso('09:11') })) } };
    await db.entries.put(TimelineEntry.parse(full));
    const next = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:20'));
    expect(next.id).not.toBe(first.id);
    const again = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:30'));
    expect(again.id).toBe(next.id);
  });

  it('a held clip of an alert already on the incident is placed as a sighting, and stops being held', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:10'));
    const held = await holdClip(db, { author: 'Bo', draft: alertDraft(), screenshot: picture() }, t('09:05'));
    const placed = await placeHeldClip(db, held.id, incident.id);
    expect(placed.id).toBe(first.id);
    expect(placed.clip!.sightings).toEqual([{ at: iso('09:05'), screenshotId: expect.any(String) }]);
    expect(await listHeldClips(db)).toEqual([]);
    expect((await listEntries(db, incident.id)).filter((e) => e.kind === 'alert')).toHaveLength(1);
  });

  it('writes nothing, not even the picture, when the incident is missing', async () => {
    const db = freshDb();
    await withIncident(db);
    const missing = crypto.randomUUID();
    await expect(addClip(db, { incidentId: missing, author: 'Ana', draft: alertDraft(), screenshot: picture() })).rejects.toThrow(
      `No incident with id ${missing}`,
    );
    expect([await db.entries.count(), await db.screenshots.count()]).toEqual([1, 0]);
  });

  it('the model holds sightings strictly', () => {
    const base = { ...alertDraft().clip, componentIds: [] };
    expect(Clip.safeParse({ ...base, sightings: [{ at: iso('09:10') }] }).success).toBe(true);
    expect(Clip.safeParse({ ...base, sightings: [{ at: '2026-11-28 09:10' }] }).success).toBe(false);
    expect(Clip.safeParse({ ...base, sightings: [{ at: iso('09:10'), seenBy: 'Bo' }] }).success).toBe(false);
    expect(Clip.safeParse({ ...base, sightings: Array.from({ length: MAX_SIGHTINGS + 1 }, () => ({ at: iso('09:10') })) }).success).toBe(false);
    expect(Clip.safeParse({ ...base, alertedAt: '2026-11-28T09:00:00Z' }).success).toBe(false);
  });
});

describe('declaring an incident from a held alert clip', () => {
  it('dates detection, and the start, from when the alert fired', async () => {
    const db = freshDb();
    const held = await holdClip(db, { author: 'Bo', draft: alertDraft({ alertedAt: iso('08:47') }) }, t('08:55'));
    const incident = await declareFromHeldClip(db, held.id, { title: 'Checkout errors', severity: 'SEV2' }, 'Bo', t('09:00'));
    expect(incident).toMatchObject({ detectedAt: iso('08:47'), startedAt: iso('08:47') });
    expect(await db.incidents.get(incident.id)).toMatchObject({ detectedAt: iso('08:47'), startedAt: iso('08:47') });
    const [first] = await listEntries(db, incident.id);
    expect(first).toMatchObject({ kind: 'alert', at: iso('08:55'), text: 'PagerDuty PT4KHLK: Error rate above 5% on checkout-api' });
  });

  it.each<[string, string | undefined]>([
    ['the page showed no alert time', undefined],
    ['the page claimed a time after the declaration', iso('09:30')],
  ])('dates both from the clip when %s', async (_name, alertedAt) => {
    const db = freshDb();
    const held = await holdClip(db, { author: 'Bo', draft: alertDraft(alertedAt ? { alertedAt } : {}) }, t('08:55'));
    const incident = await declareFromHeldClip(db, held.id, { title: 'Checkout errors', severity: 'SEV2' }, 'Bo', t('09:00'));
    expect(incident).toMatchObject({ detectedAt: iso('08:55'), startedAt: iso('08:55') });
  });

  it('an alert time between the clip and the declaration (a clock ahead) is detection; the start stays at the clip', async () => {
    const db = freshDb();
    const held = await holdClip(db, { author: 'Bo', draft: alertDraft({ alertedAt: iso('08:57') }) }, t('08:55'));
    const incident = await declareFromHeldClip(db, held.id, { title: 'Checkout errors', severity: 'SEV2' }, 'Bo', t('09:00'));
    expect(incident).toMatchObject({ detectedAt: iso('08:57'), startedAt: iso('08:55') });
  });
});

describe('customer reports and code changes', () => {
  const ticket = (id: string) =>
    refDraft({ tool: 'zendesk', pageUrl: `https://acme.zendesk.com/agent/tickets/${id}`, pageTitle: `Ticket ${id}`, ref: { kind: 'ticket', id } });
  const change = (id: string, title: string) =>
    refDraft({ tool: 'github', pageUrl: `https://github.com/acme/api/pull/${id}`, panelTitle: title, ref: { kind: 'change', id: `acme/api#${id}` } });

  it('counts live customer reports, one per ticket, on this incident only', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const other = await withIncident(db, 'Other');
    expect(await countCustomerReports(db, incident.id)).toBe(0);

    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8812') }, t('09:10'));
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8812') }, t('09:12')); // a sighting
    const second = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8813') }, t('09:15'));
    await addClip(db, { incidentId: other.id, author: 'Ana', draft: ticket('9000') }, t('09:15'));
    expect(await countCustomerReports(db, incident.id)).toBe(2);

    // The same ticket twice, as a colleague's merged backup brings it, counts once.
    const dup = TimelineEntry.parse({ ...second, id: crypto.randomUUID() });
    await db.entries.add(dup);
    expect(await countCustomerReports(db, incident.id)).toBe(2);

    // A report written by hand counts; a deleted one does not.
    await db.entries.add(TimelineEntry.parse({ ...dup, id: crypto.randomUUID(), clip: undefined, text: 'Customer phoned support' }));
    expect(await countCustomerReports(db, incident.id)).toBe(3);
    await deleteEntry(db, second.id, t('09:20'));
    await deleteEntry(db, dup.id, t('09:20'));
    expect(await countCustomerReports(db, incident.id)).toBe(2);
  });

  it("lists the incident's live code changes in the order they happened", async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: change('412', 'Cache card tokens') }, t('09:20'));
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: change('399', 'Bump TLS library') }, t('09:05'));
    const dropped = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: change('405', 'Docs only') }, t('09:10'));
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alertDraft() }, t('09:12'));
    await deleteEntry(db, dropped.id, t('09:30'));
    expect((await listCodeChanges(db, incident.id)).map((e) => e.text)).toEqual([
      'github.com/acme/api#399: Bump TLS library',
      'github.com/acme/api#412: Cache card tokens',
    ]);
  });
});

describe('backup and merge', () => {
  it('carry the new kinds, refs, alert times and sightings, and a newer sighting wins the merge', async () => {
    const mine = freshDb();
    const incident = await withIncident(mine);
    const alert = await addClip(mine, { incidentId: incident.id, author: 'Ana', draft: alertDraft({ alertedAt: iso('08:47') }) }, t('09:10'));
    await addClip(mine, { incidentId: incident.id, author: 'Ana', draft: alertDraft(), screenshot: picture() }, t('09:20'));
    await addClip(
      mine,
      {
        incidentId: incident.id,
        author: 'Ana',
        draft: refDraft({ tool: 'zendesk', pageUrl: 'https://acme.zendesk.com/agent/tickets/8812', ref: { kind: 'ticket', id: '8812' } }),
      },
      t('09:25'),
    );

    const { backup, skipped } = await exportBackup(mine, t('10:00'));
    expect(skipped).toEqual([]);
    const file = serializeBackup(backup);
    expect(parseBackup(file).entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['alert', 'report']));

    const theirs = freshDb();
    await importBackupText(theirs, file, t('10:01'));
    expect(await listEntries(theirs, incident.id)).toEqual(await listEntries(mine, incident.id));
    expect(await countCustomerReports(theirs, incident.id)).toBe(1);

    // They see the alert again; my log takes their newer copy, sightings and all.
    await addClip(theirs, { incidentId: incident.id, author: 'Bo', draft: alertDraft() }, t('10:30'));
    const { backup: back } = await exportBackup(theirs, t('10:40'));
    await importBackupText(mine, serializeBackup(back), t('10:41'));
    const merged = (await listEntries(mine, incident.id)).find((e) => e.id === alert.id)!;
    expect(merged.clip).toMatchObject({ alertedAt: iso('08:47') });
    expect(merged.clip!.sightings!.map((s) => s.at)).toEqual([iso('09:20'), iso('10:30')]);
    expect(await getScreenshot(mine, merged.clip!.sightings![0]!.screenshotId!)).toBeDefined();
  });
});

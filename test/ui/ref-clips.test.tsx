// @vitest-environment happy-dom
// What a clipped alert, ticket or change looks like: the timeline names it as people say it
// (`PagerDuty PT4KHLK`) and lists when it was seen; the incident card counts customer reports,
// live.
import { describe, expect, it } from 'vitest';
import { addClip, declareIncident, deleteEntry, listEntries, restoreEntry, type SitrepDb } from '../../src/db';
import type { ClipDraft, ClipRef, Incident, TimeDisplay, TimelineEntry } from '../../src/model';
import { IncidentCard } from '../../src/ui/components/incident-card';
import { formatClock, formatDay } from '../../src/ui/format-time';
import { EntryRow } from '../../src/ui/components/timeline/entry-row';
import { AppContext } from '../../src/ui/state/context';
import { createLogState } from '../../src/ui/state/log-state';
import { disposeAfter, freshDb, mount, restoreTimeZoneAfterEach, root, settle, testIdText } from './render';

const t = (iso: string) => new Date(iso);
/** A clock time as the browser's locale shows it (24-hour or not), on 2026-10-25 or -26 UTC. */
const at = (hhmm: string, mode: TimeDisplay = 'utc', day = '2026-10-25') => formatClock(`${day}T${hhmm}:00.000Z`, mode);

function refDraft(tool: ClipDraft['clip']['tool'], pageUrl: string, ref: ClipRef, panelTitle?: string): ClipDraft {
  return {
    text: panelTitle ?? pageUrl,
    sourceUrl: pageUrl,
    clip: { tool, pageUrl, pageTitle: '', frozenUrl: pageUrl, componentIds: [], ref, ...(panelTitle && { panelTitle }) },
  };
}
const alert = () => refDraft('pagerduty', 'https://acme.pagerduty.com/incidents/PT4KHLK', { kind: 'alert', id: 'PT4KHLK' }, 'Error rate above 5%');
const ticket = (id: string) => refDraft('zendesk', `https://acme.zendesk.com/agent/tickets/${id}`, { kind: 'ticket', id }, 'Checkout fails with 500');
const change = () => refDraft('github', 'https://github.com/acme/api/pull/412', { kind: 'change', id: 'acme/api#412' }, 'Cache card tokens');

async function declared(db: SitrepDb): Promise<Incident> {
  return declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: t('2026-10-25T00:30:00.000Z') });
}

/** The app's context around `ui`, as the popup and side panel give it. */
async function mountInApp(db: SitrepDb, ui: preact.ComponentChild) {
  const log = disposeAfter(createLogState(db));
  await mount(<AppContext.Provider value={{ db, log }}>{ui}</AppContext.Provider>);
}

function row(entry: TimelineEntry, timeDisplay: TimeDisplay) {
  return (
    <EntryRow
      entry={entry}
      timeDisplay={timeDisplay}
      highlighted={false}
      components={new Map()}
      onEdit={() => {}}
      onStar={() => {}}
      onDelete={() => {}}
      onCopyLink={() => {}}
    />
  );
}

describe('IncidentCard', () => {
  it('counts customer reports as tickets are clipped, deleted and restored', async () => {
    const db = freshDb();
    const incident = await declared(db);
    await mountInApp(db, <IncidentCard incident={incident} />);
    await settle(() => expect(testIdText('incident-title')).toBe('Checkout errors'));
    expect(root.querySelector('[data-testid="incident-reports"]')).toBeNull();

    const first = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8812') });
    await settle(() => expect(testIdText('incident-reports')).toBe('1 customer report'));
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8813') });
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: ticket('8814') });
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() });
    await settle(() => expect(testIdText('incident-reports')).toBe('3 customer reports'));

    await deleteEntry(db, first.id);
    await settle(() => expect(testIdText('incident-reports')).toBe('2 customer reports'));
    await restoreEntry(db, first.id);
    await settle(() => expect(testIdText('incident-reports')).toBe('3 customer reports'));
  });

  it("shows only this incident's reports, and follows a switch to another incident", async () => {
    const db = freshDb();
    const one = await declared(db);
    const two = await declareIncident(db, { title: 'Search slow', severity: 'SEV3' }, { author: 'Ana' });
    await addClip(db, { incidentId: one.id, author: 'Ana', draft: ticket('1') });
    await addClip(db, { incidentId: one.id, author: 'Ana', draft: ticket('2') });
    await addClip(db, { incidentId: two.id, author: 'Ana', draft: ticket('3') });
    await mountInApp(db, <IncidentCard incident={one} />);
    await settle(() => expect(testIdText('incident-reports')).toBe('2 customer reports'));
    await mountInApp(db, <IncidentCard incident={two} />);
    await settle(() => expect(testIdText('incident-reports')).toBe('1 customer report'));
  });
});

describe('EntryRow for a clipped alert, ticket or change', () => {
  restoreTimeZoneAfterEach();

  it.each([
    ['an alert', alert, 'Alert', 'PagerDuty PT4KHLK', 'PagerDuty PT4KHLK: Error rate above 5%'],
    ['a ticket', () => ticket('8812'), 'Customer report', 'Zendesk #8812', 'Zendesk #8812: Checkout fails with 500'],
    ['a change', change, 'Code change', 'github.com/acme/api#412', 'github.com/acme/api#412: Cache card tokens'],
  ])('names %s by its kind and ref', async (_name, draft, kindLabel, ref, text) => {
    const db = freshDb();
    const incident = await declared(db);
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: draft() }, t('2026-10-25T00:40:00.000Z'));
    await mountInApp(db, row(entry, 'utc'));
    expect(root.querySelector('.badge.kind')?.textContent).toBe(kindLabel);
    expect(testIdText('clip-ref')).toBe(ref);
    // Taken from the page's address: isolated like the page's own words.
    expect(root.querySelector('[data-testid="clip-ref"] bdi')?.textContent).toBe(ref);
    expect(testIdText('entry-text')).toBe(text);
    expect(root.querySelector('[data-testid="clip-sightings"]')).toBeNull();
  });

  it.each<[string, TimeDisplay, () => string]>([
    // Berlin leaves summer time at 01:00 UTC: the third sighting reads earlier on the clock.
    [
      'local time across a DST change',
      'local',
      () =>
        `seen 3× · ${formatClock('2026-10-25T00:40:00.000Z', 'local')}, ${formatClock('2026-10-25T00:50:00.000Z', 'local')}, ${formatClock('2026-10-25T01:10:00.000Z', 'local')}`,
    ],
    ['UTC', 'utc', () => `seen 3× · ${at('00:40')}, ${at('00:50')}, ${at('01:10')} UTC`],
  ])('lists every time the alert was seen, in %s', async (_name, timeDisplay, expected) => {
    process.env.TZ = 'Europe/Berlin';
    const seen = expected();
    // The clock as Berlin reads it: the third sighting earlier than the second.
    if (timeDisplay === 'local') expect(seen).toMatch(/02:40.*02:50.*02:10/);
    const db = freshDb();
    const incident = await declared(db);
    for (const at of ['2026-10-25T00:40:00.000Z', '2026-10-25T00:50:00.000Z', '2026-10-25T01:10:00.000Z']) {
      await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() }, t(at));
    }
    const [entry] = (await listEntries(db, incident.id)).filter((e) => e.kind === 'alert');
    await mountInApp(db, row(entry!, timeDisplay));
    expect(root.querySelector('[data-testid="clip-sightings"] .clip-details__line')?.textContent).toBe(seen);
    expect(testIdText('clip-seen')).toBe('seen 3×');
    expect([...root.querySelectorAll('[data-testid="clip-sightings"] time')].map((el) => el.getAttribute('datetime'))).toEqual([
      '2026-10-25T00:40:00.000Z',
      '2026-10-25T00:50:00.000Z',
      '2026-10-25T01:10:00.000Z',
    ]);
  });

  it('lists the times in order when a sighting is earlier than the entry (a held clip placed later)', async () => {
    const db = freshDb();
    const incident = await declared(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() }, t('2026-10-25T09:10:00.000Z'));
    const entry = await addClip(db, { incidentId: incident.id, author: 'Bo', draft: alert(), takenAt: t('2026-10-25T09:05:00.000Z') });
    await mountInApp(db, row(entry, 'utc'));
    expect(root.querySelector('[data-testid="clip-sightings"] .clip-details__line')?.textContent).toBe(`seen 2× · ${at('09:05')}, ${at('09:10')} UTC`);
  });

  it('a sighting on another day says its day', async () => {
    const db = freshDb();
    const incident = await declared(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() }, t('2026-10-25T23:50:00.000Z'));
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() }, t('2026-10-26T00:20:00.000Z'));
    await mountInApp(db, row(entry, 'utc'));
    const day = formatDay('2026-10-26T00:20:00.000Z', 'utc');
    expect(day).toMatch(/26/);
    expect(root.querySelector('[data-testid="clip-sightings"] .clip-details__line')?.textContent).toBe(
      `seen 2× · ${at('23:50')}, ${day} ${at('00:20', 'utc', '2026-10-26')} UTC`,
    );
  });

  it('shows what a later clip selected, isolated, and a place for its screenshot', async () => {
    const db = freshDb();
    const incident = await declared(db);
    await addClip(db, { incidentId: incident.id, author: 'Ana', draft: alert() }, t('2026-10-25T00:40:00.000Z'));
    const said = { ...alert(), text: 'Acknowledged by \u202EBo' };
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: said }, t('2026-10-25T00:50:00.000Z'));
    // happy-dom cannot make object URLs of stored pictures: a sighting naming a picture that is not
    // stored shows the thumbnail's own "missing" state, which is where the picture would be.
    const withShot = { ...entry, clip: { ...entry.clip!, sightings: entry.clip!.sightings!.map((s) => ({ ...s, screenshotId: crypto.randomUUID() })) } };
    await mountInApp(db, row(withShot, 'utc'));
    const sighting = root.querySelector('[data-testid="clip-sighting"]')!;
    expect(sighting.querySelector('time')?.textContent).toBe(`${at('00:50')} UTC`);
    expect(sighting.querySelector('bdi')?.textContent).toBe('Acknowledged by Bo');
    await settle(() => expect(sighting.textContent).toContain('Screenshot missing'));
    expect(root.querySelectorAll('[data-testid="clip-sighting"]')).toHaveLength(1);
  });
});

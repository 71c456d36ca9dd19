// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEntry, declareIncident, editEntry, listEntries, type SitrepDb } from '../../src/db';
import { settingsItem } from '../../src/db/storage-items';
import { DEFAULT_SETTINGS, type Incident } from '../../src/model';
import { IncidentHeader } from '../../src/ui/components/incident-header';
import { AppContext } from '../../src/ui/state/context';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { byId, click, disposeAfter, freshDb, key, mount, restoreTimeZoneAfterEach, root, settle, type, valueOf } from './render';

let db: SitrepDb;
let log: LogState;

restoreTimeZoneAfterEach();
beforeEach(() => {
  db = freshDb();
  // A zone with summer time. format-time keeps its formatters, each fixed to the zone it was made
  // in, so the tests that show formatted times all run in this one.
  process.env.TZ = 'Europe/Berlin';
});

/** Declared the morning after the end of summer time in Europe (25 Oct 2026, 01:00 UTC). */
const DECLARED = new Date('2026-10-25T09:00:00.000Z');

const declared = () => declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: DECLARED });

/** The incident details as the side panel mounts them: for the shown incident, saving through the log. */
async function mountDetails(incident: Incident, timeDisplay: 'local' | 'utc' = 'local') {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, author: 'Ana', timeDisplay });
  log = disposeAfter(createLogState(db));
  await log.ready;
  await log.switchTo(incident.id);
  function Page() {
    const active = log.active.value;
    return active ? <IncidentHeader key={active.id} incident={active} onUpdate={(patch) => void log.update(active.id, patch)} /> : null;
  }
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <Page />
    </AppContext.Provider>,
  );
  await settle(() => expect(byId('incident-started')).not.toBeNull());
}

/** Types a whole value into a field and leaves it with Tab, as a person does. */
async function typeAndLeave(id: string, value: string) {
  await type(id, value, { focus: true });
  await act(() => byId(id).blur());
}

const stored = async (id: string) => (await db.incidents.get(id))!;
const lastLogged = async (id: string) => (await listEntries(db, id)).filter((e) => e.kind === 'change').at(-1)?.text;

describe('Incident details: times', () => {
  it.each([
    // Before the clocks went back: CEST (+2); after: CET (+1).
    ['Europe/Berlin', '2026-10-25T01:30', '2026-10-24T23:30:00.000Z', '2026-10-25T10:00'],
    ['Europe/Berlin', '2026-10-25T03:30', '2026-10-25T02:30:00.000Z', '2026-10-25T10:00'],
    // New York is still on EDT (-4) that day.
    ['America/New_York', '2026-10-25T03:30', '2026-10-25T07:30:00.000Z', '2026-10-25T05:00'],
    ['UTC', '2026-10-25T08:12:05', '2026-10-25T08:12:05.000Z', '2026-10-25T09:00'],
  ])('in %s, a start typed as %s is stored as %s', async (zone, typed, instant, shownBefore) => {
    process.env.TZ = zone;
    const incident = await declared();
    await mountDetails(incident);
    expect(valueOf('incident-started')).toBe(shownBefore);
    await typeAndLeave('incident-started', typed);
    await settle(async () => expect((await stored(incident.id)).startedAt).toBe(instant));
    expect(await lastLogged(incident.id)).toBe(`Start time changed to ${instant.slice(0, 10)} ${instant.slice(11, 19)} UTC`);
    // The field shows what was stored, in the zone it was typed in (whole minutes without seconds, as browsers do).
    await settle(() => expect(valueOf('incident-started')).toBe(typed));
  });

  it('reads and writes UTC when the app shows UTC, whatever the browser zone', async () => {
    const incident = await declared();
    await mountDetails(incident, 'utc');
    expect(root.querySelector('.incident-times legend')?.textContent).toBe('Times (UTC)');
    expect(valueOf('incident-detected')).toBe('2026-10-25T09:00');
    await typeAndLeave('incident-detected', '2026-10-25T09:05:00');
    await settle(async () => expect((await stored(incident.id)).detectedAt).toBe('2026-10-25T09:05:00.000Z'));
  });

  it('sets the acknowledgement, and saves once for a time typed and left', async () => {
    const incident = await declared();
    await mountDetails(incident);
    expect(valueOf('incident-acknowledged')).toBe('');
    const typed = '2026-10-25T10:10';
    await typeAndLeave('incident-acknowledged', typed);
    await settle(async () => expect((await stored(incident.id)).acknowledgedAt).toBeDefined());
    await act(() => byId('incident-acknowledged').focus());
    await act(() => byId('incident-acknowledged').blur());
    const changes = (await listEntries(db, incident.id)).filter((e) => e.kind === 'change').map((e) => e.text);
    expect(changes.filter((t) => t.startsWith('Acknowledgement time'))).toHaveLength(1);
  });

  it('saves on Enter too', async () => {
    process.env.TZ = 'UTC';
    const incident = await declared();
    await mountDetails(incident);
    await type('incident-detected', '2026-10-25T09:01:30', { focus: true });
    await key('incident-detected', { key: 'Enter' });
    await settle(async () => expect((await stored(incident.id)).detectedAt).toBe('2026-10-25T09:01:30.000Z'));
  });

  it('refuses a detection before the start, says why, and saves nothing', async () => {
    const incident = await declared();
    await mountDetails(incident);
    await typeAndLeave('incident-detected', '2026-10-25T09:00:00');
    await settle(() =>
      expect(root.querySelector('#incident-detected-error')?.textContent).toMatch(/^Detected cannot be before started \(.*10:00:00.*\); change that first\.$/),
    );
    expect(byId('incident-detected').getAttribute('aria-invalid')).toBe('true');
    expect((await stored(incident.id)).detectedAt).toBe(DECLARED.toISOString());
    expect(await lastLogged(incident.id)).toBe('Declared SEV2: Checkout errors');
  });

  it('refuses an empty start, and lets detection be cleared', async () => {
    const incident = await declared();
    await mountDetails(incident);
    await typeAndLeave('incident-started', '');
    await settle(() => expect(root.querySelector('#incident-started-error')?.textContent).toBe('Started needs a date and time.'));
    await typeAndLeave('incident-detected', '');
    await settle(async () => expect((await stored(incident.id)).detectedAt).toBeUndefined());
    expect(await lastLogged(incident.id)).toBe('Detection time removed');
    expect((await stored(incident.id)).startedAt).toBe(DECLARED.toISOString());
  });

  it('offers the earliest entry’s time for the start when an entry is earlier, and uses it', async () => {
    const incident = await declared();
    await mountDetails(incident);
    const earliestButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Use the earliest entry'));
    expect(earliestButton()).toBeUndefined();
    const alert = await addEntry(db, { incidentId: incident.id, kind: 'alert', text: 'Error rate above 5%', author: '' }, DECLARED);
    await editEntry(db, alert.id, { at: '2026-10-25T08:58:00.000Z' });
    await settle(() => expect(earliestButton()).toBeDefined());
    expect(earliestButton()?.textContent).toMatch(/^Use the earliest entry's time \(.*9:58:00.*\)$/);
    await click(earliestButton());
    await settle(async () => expect((await stored(incident.id)).startedAt).toBe('2026-10-25T08:58:00.000Z'));
    expect(await lastLogged(incident.id)).toBe('Start time changed to 2026-10-25 08:58:00 UTC');
    await settle(() => expect(earliestButton()).toBeUndefined());
    expect(valueOf('incident-started')).toBe('2026-10-25T09:58');
  });
});

describe('Incident details: manager and impact are logged', () => {
  it('logs a handover and the impact text when the fields are left', async () => {
    const incident = await declared();
    await mountDetails(incident);
    for (const [id, value] of [
      ['incident-manager', 'Bo'],
      ['incident-impact', 'EU card payments fail'],
    ]) {
      await type(id!, value!, { focus: true });
      await act(() => void byId(id!).dispatchEvent(new Event('change', { bubbles: true })));
    }
    // Both are logged within the same millisecond at times, so their order is not asserted.
    const changes = async () => (await listEntries(db, incident.id)).filter((e) => e.kind === 'change').map((e) => e.text);
    await settle(async () => expect(await changes()).toEqual(expect.arrayContaining(['Incident manager: Ana → Bo', 'Impact: “EU card payments fail”'])));
  });
});

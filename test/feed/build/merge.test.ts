import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import type { SiteState } from '../../../src/feed/schema';
import { json, makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, sampleLog, SETTINGS, SITE, uuid } from './site-fixtures';

const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/**
 * What another incident manager published yesterday from their own browser, keeping a year of
 * history: incidents we do not hold, one we hold too (an older copy), one we since withdrew, a
 * component only they have, and maintenances whose windows have moved on since.
 */
function theirSite(): SiteState {
  const resolved = (n: number, startedDaysAgo: number, name: string) => {
    const incident = makeIncident(n, { publicTitle: name, startedAt: ago(startedDaysAgo) });
    return {
      incident,
      updates: [
        makeUpdate(incident.id, { at: ago(startedDaysAgo), body: `${name} began.` }),
        makeUpdate(incident.id, { at: ago(startedDaysAgo - 0.1), status: 'resolved', body: `${name} is over.` }),
      ],
    };
  };
  const longOpen = makeIncident(300, { publicTitle: 'Slow search, still open', startedAt: ago(200) });
  const recent = resolved(301, 3, 'Their recent incident');
  const old = resolved(302, 120, 'Their old incident');
  const stale = makeIncident(100, { publicTitle: 'Stale copy of our incident' });
  const withdrawn = makeIncident(102, { publicTitle: 'Published before, withdrawn since' });
  const log: IncidentLog = {
    components: [
      makeComponent(2, { name: 'Web (their old name)', group: 'Platform' }),
      makeComponent(50, { name: 'Search', group: 'Discovery', status: 'degraded_performance' }),
    ],
    incidents: [longOpen, recent.incident, old.incident, stale, withdrawn],
    updates: [
      makeUpdate(longOpen.id, {
        at: ago(200),
        body: 'Search is slow.',
        components: [{ componentId: uuid(50), name: 'Search', from: 'operational', to: 'degraded_performance' }],
      }),
      ...recent.updates,
      ...old.updates,
      makeUpdate(stale.id, { at: ago(1), body: 'Their stale copy.' }),
      makeUpdate(withdrawn.id, { at: ago(1), body: 'Withdrawn since.' }),
    ],
    maintenances: [
      // Scheduled when they published; running now.
      makeMaintenance(400, {
        title: 'Their search reindex',
        componentIds: [uuid(50)],
        scheduledFor: '2026-03-10T14:30:00.000Z',
        scheduledUntil: '2026-03-10T18:00:00.000Z',
        createdAt: ago(5),
      }),
      // Running when they published; over now.
      makeMaintenance(401, { title: 'Their cache flush', componentIds: [uuid(50)], scheduledFor: ago(1.1), scheduledUntil: ago(0.5), createdAt: ago(5) }),
    ],
  };
  const yesterday = new Date(NOW.getTime() - DAY);
  return buildSite(selectPublic(log, { ...SITE, settings: { ...SETTINGS, historyDays: 365 } }, yesterday)).state;
}

describe('publishing to a site another incident manager publishes to', () => {
  const previous = theirSite();
  // Our log is the sample: it holds incident 102 without a public title (withdrawn from the public).
  const ours = selectPublic(sampleLog(), SITE, NOW);
  const { files, state } = buildSite(ours, previous);
  const names = (list: { name: string }[]) => list.map((e) => e.name);

  it('keeps their incidents we do not hold, and replaces theirs with ours by id', () => {
    // Newest first by start: ours today, theirs 3 days ago, ours 5 days ago, theirs 200 days ago.
    expect(names(state.incidents)).toEqual(['API unavailable', 'Their recent incident', 'Checkout errors', 'Slow search, still open']);
    expect(state.incidents.find((i) => i.id === uuid(100))!.name).toBe('Checkout errors');
  });

  it('drops what ended before the history window, but never an incident still open', () => {
    expect(state.incidents.some((i) => i.id === uuid(302))).toBe(false);
    expect(state.incidents.find((i) => i.id === uuid(300))).toMatchObject({ status: 'investigating', started_at: ago(200) });
  });

  it('drops what we withhold instead of keeping their earlier copy of it', () => {
    expect(previous.incidents.some((i) => i.id === uuid(102))).toBe(true);
    expect(state.incidents.some((i) => i.id === uuid(102))).toBe(false);
    expect(files.some((f) => f.body.includes(uuid(102)))).toBe(false);
  });

  it('keeps their components, with their groups, and ours replace theirs by id', () => {
    expect(state.components.map((c) => [c.name, c.group ? c.components.length : c.status])).toEqual([
      ['Platform', 2],
      ['API', 'major_outage'],
      ['Web', 'under_maintenance'],
      ['Billing', 'operational'],
      // Theirs: in maintenance now (their reindex started at 14:30), which outranks nothing worse than degraded.
      ['Discovery', 1],
      ['Search', 'degraded_performance'],
    ]);
  });

  it('moves their maintenances on by the clock', () => {
    const theirs = (n: number) => state.scheduled_maintenances.find((m) => m.id === uuid(n))!;
    expect(theirs(400).status).toBe('in_progress');
    expect(theirs(400).incident_updates.map((u) => u.status)).toEqual(['in_progress', 'scheduled']);
    expect(theirs(401).status).toBe('completed');
    expect(theirs(401).resolved_at).toBe(ago(0.5));
    expect(theirs(401).incident_updates.map((u) => u.status)).toEqual(['completed', 'in_progress', 'scheduled']);
  });

  it('publishes the merged site everywhere: summary, history, pages', () => {
    const summary = json(files, 'api/v2/summary.json');
    expect(names(summary.incidents)).toEqual(['API unavailable', 'Slow search, still open']);
    expect(names(summary.scheduled_maintenances)).toEqual(['Web upgrade', 'Their search reindex']);
    expect(files.some((f) => f.path === `incidents/${uuid(301)}.html`)).toBe(true);
    expect(files.find((f) => f.path === 'history.atom')!.body).toContain('Their recent incident');
  });

  it('hands back exactly what sitrep-site.json holds, and merging it again changes nothing', () => {
    expect(json(files, 'sitrep-site.json')).toEqual(state);
    const again = buildSite(ours, state);
    expect(again.state).toEqual(state);
    expect(again.files.map((f) => f.body)).toEqual(files.map((f) => f.body));
  });

  it('without a previous site, publishes ours alone', () => {
    const alone = buildSite(ours).state;
    expect(names(alone.incidents)).toEqual(['API unavailable', 'Checkout errors']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { SiteBuildMemo } from '../../../src/feed/build/event-memo';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import type { SiteState } from '../../../src/feed/schema';
import { bodies, makeIncident, makeUpdate, NOW, sampleLog, SITE, uuid } from './site-fixtures';

const MINUTE = 60_000;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const OPEN = uuid(101);
const BILLING = uuid(3);

/** A publish after another: what changed in the log since the last one, and when it was published. */
type Step = [label: string, change: (log: IncidentLog) => IncidentLog, minutes: number];

const steps: Step[] = [
  ['nothing changed', (log) => log, 1],
  [
    'a new status update on the open incident',
    (log) => ({ ...log, updates: [...log.updates, makeUpdate(OPEN, { at: later(2).toISOString(), status: 'identified', body: 'Found it.' })] }),
    2,
  ],
  [
    'a component change: every incident naming the component is written again',
    (log) => ({
      ...log,
      components: log.components.map((c) => (c.id === BILLING ? { ...c, status: 'degraded_performance' as const } : c)),
      updates: [
        ...log.updates,
        makeUpdate(OPEN, {
          at: later(3).toISOString(),
          body: 'Billing slow too.',
          components: [{ componentId: BILLING, name: 'Billing', from: 'operational', to: 'degraded_performance' }],
        }),
      ],
    }),
    3,
  ],
  [
    'an update edited in place',
    (log) => ({ ...log, updates: log.updates.map((u) => (u.body === 'Found it.' ? { ...u, body: 'Found it: a bad deploy.' } : u)) }),
    4,
  ],
  ['the page renamed', (log) => log, 5],
  [
    'a new incident',
    (log) => {
      const incident = makeIncident(110, { publicTitle: 'Slow logins', startedAt: later(5).toISOString() });
      return {
        ...log,
        incidents: [...log.incidents, incident],
        updates: [...log.updates, makeUpdate(incident.id, { at: later(6).toISOString(), body: 'Logins are slow.' })],
      };
    },
    7,
  ],
  ['the maintenance window opened (the clock alone)', (log) => log, 60 * 24 * 3],
];

/** Each step's build with a memo kept from publish to publish, and with nothing kept. */
function publishAll(): { label: string; kept: Map<string, string>; fresh: Map<string, string>; state: SiteState; stateBody: string }[] {
  const memo = new SiteBuildMemo();
  let log = sampleLog();
  let previous: SiteState | undefined;
  let renamed = false;
  return steps.map(([label, change, minutes]) => {
    log = change(log);
    renamed ||= label === 'the page renamed';
    const site = renamed ? { ...SITE, settings: { ...SITE.settings, name: 'Acme Cloud' } } : SITE;
    const input = selectPublic(log, site, later(minutes));
    const kept = buildSite(input, previous, memo);
    const fresh = buildSite(input, previous, new SiteBuildMemo());
    const stateBody = bodies(kept.files).get('sitrep-site.json')!;
    previous = JSON.parse(stateBody) as SiteState;
    return { label, kept: bodies(kept.files), fresh: bodies(fresh.files), state: kept.state, stateBody };
  });
}

describe('a publish reusing what the last one wrote', () => {
  const runs = publishAll();

  it.each(runs.map((r) => [r.label, r] as const))('writes the same bytes as a build from nothing: %s', (_label, run) => {
    expect([...run.kept.keys()]).toEqual([...run.fresh.keys()]);
    for (const [path, body] of run.fresh) expect(run.kept.get(path), path).toBe(body);
  });

  it.each(runs.map((r) => [r.label, r] as const))('writes every JSON document as JSON.stringify does: %s', (_label, run) => {
    expect(run.stateBody).toBe(JSON.stringify(run.state));
    for (const [path, body] of run.kept) if (path.endsWith('.json')) expect(body, path).toBe(JSON.stringify(JSON.parse(body)));
  });

  it('shows each change where it belongs', () => {
    const page = (i: number) => runs[i]!.kept.get(`incidents/${OPEN}.html`)!;
    expect(page(1)).toContain('Found it.');
    expect(page(3)).toContain('Found it: a bad deploy.');
    expect(runs[2]!.kept.get(`incidents/${uuid(100)}.html`)).toContain('Degraded performance');
    expect(runs[4]!.kept.get(`incidents/${uuid(100)}.html`)).toContain('Acme Cloud');
    expect(runs[6]!.kept.get(`incidents/${uuid(200)}.html`)).not.toBe(runs[5]!.kept.get(`incidents/${uuid(200)}.html`));
  });

  it('keeps no document a caller can change under it', () => {
    const memo = new SiteBuildMemo();
    const input = selectPublic(sampleLog(), SITE, NOW);
    const { state } = buildSite(input, undefined, memo);
    expect(() => {
      (state.incidents[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    input.incidents[0]!.name = 'Renamed after the first publish';
    expect(bodies(buildSite(input, undefined, memo).files).get('api/v2/incidents.json')).toContain('Renamed after the first publish');
  });

  it('still refuses a new document its schema refuses, with the file and field', () => {
    const memo = new SiteBuildMemo();
    const input = selectPublic(sampleLog(), SITE, NOW);
    buildSite(input, undefined, memo);
    input.incidents[1]!.name = '\u0007 ';
    expect(() => buildSite(input, undefined, memo)).toThrow(/^Site file api\/v2\/summary\.json is not valid at incidents\.0\.name: A name needs visible text$/);
  });

  // The page's time zone is checked once per zone; the rest of the page still at every publish.
  it.each([
    ['an unknown time zone', { timeZone: 'Nowhere/Atlantis' }, /^Site file api\/v2\/summary\.json is not valid at page\.time_zone: An IANA time zone name/],
    ['a page name of nothing visible, in a zone checked before', { name: '\u0007 ' }, /^Site file api\/v2\/summary\.json is not valid at page\.name: /],
  ])('refuses a page with %s after a valid publish', (_label, settings, error) => {
    const memo = new SiteBuildMemo();
    buildSite(selectPublic(sampleLog(), SITE, NOW), undefined, memo);
    const input = selectPublic(sampleLog(), { ...SITE, settings: { ...SITE.settings, ...settings } }, later(1));
    expect(() => buildSite(input, undefined, memo)).toThrow(error);
  });
});

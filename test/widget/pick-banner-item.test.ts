import { describe, expect, it } from 'vitest';
import type { FeedEvent, StatusSnapshot } from '../../src/feed/parse';
import { pickBannerItem } from '../../widget/src/sitrep-banner/pick-banner-item';

const event = (id: string, impact: string, status = 'investigating', at = '2026-11-28T09:00:00.000Z'): FeedEvent => ({
  id,
  name: `Event ${id}`,
  status,
  impact,
  updatedAt: at,
  url: `https://status.example.com/incidents/${id}`,
  latest: { status, body: `Update on ${id}`, at },
});

const snapshot = (over: Partial<StatusSnapshot>): StatusSnapshot => ({
  format: 'statuspage',
  page: { name: 'Acme', url: 'https://status.example.com/' },
  indicator: 'none',
  description: 'All Systems Operational',
  components: [],
  incidents: [],
  maintenances: [],
  ...over,
});

const none = () => false;

describe('pickBannerItem', () => {
  it.each([
    // incidents newest first → the one the banner shows
    [['a:minor', 'b:critical', 'c:major'], 'b', 'critical'],
    [['a:major', 'b:major'], 'a', 'major'],
    [['a:none', 'b:minor'], 'b', 'minor'],
    [['a:none'], 'a', 'minor'],
    [['a:weird', 'b:major'], 'b', 'major'],
  ])('of %j shows %s in the %s tone', (list, id, tone) => {
    const incidents = list.map((x) => event(x.split(':')[0]!, x.split(':')[1]!));
    expect(pickBannerItem(snapshot({ indicator: 'major', incidents }), none)).toMatchObject({ name: `Event ${id}`, tone });
  });

  it('carries what the banner renders, keyed by incident and update', () => {
    expect(pickBannerItem(snapshot({ indicator: 'minor', incidents: [event('x', 'minor', 'identified')] }), none)).toEqual({
      key: 'x@2026-11-28T09:00:00.000Z',
      tone: 'minor',
      name: 'Event x',
      status: 'identified',
      body: 'Update on x',
      at: '2026-11-28T09:00:00.000Z',
      url: 'https://status.example.com/incidents/x',
    });
  });

  it('skips a dismissed update, and brings the incident back with its next update', () => {
    const first = snapshot({ indicator: 'major', incidents: [event('x', 'major'), event('y', 'minor')] });
    const dismissed = new Set(['x@2026-11-28T09:00:00.000Z']);
    expect(pickBannerItem(first, (k) => dismissed.has(k))?.name).toBe('Event y');
    const next = snapshot({ indicator: 'major', incidents: [event('x', 'major', 'identified', '2026-11-28T09:20:00.000Z')] });
    expect(pickBannerItem(next, (k) => dismissed.has(k))?.name).toBe('Event x');
  });

  it('shows nothing once everything open is dismissed', () => {
    const s = snapshot({ indicator: 'minor', incidents: [event('x', 'minor')] });
    expect(pickBannerItem(s, () => true)).toBeUndefined();
  });

  it('shows maintenance in progress after incidents, never one that is only scheduled', () => {
    const maintenances = [event('m1', 'maintenance', 'scheduled'), event('m2', 'maintenance', 'in_progress')];
    expect(pickBannerItem(snapshot({ indicator: 'maintenance', maintenances }), none)).toMatchObject({ name: 'Event m2', tone: 'maintenance' });
    expect(pickBannerItem(snapshot({ maintenances: [maintenances[0]!] }), none)).toBeUndefined();
    expect(pickBannerItem(snapshot({ indicator: 'minor', incidents: [event('i', 'minor')], maintenances }), none)?.name).toBe('Event i');
  });

  it('carries the window of a maintenance, for the banner to say until when it runs', () => {
    const maintenance = { ...event('m', 'maintenance', 'in_progress'), startedAt: '2026-11-28T08:00:00.000Z', endsAt: '2026-11-28T14:00:00.000Z' };
    expect(pickBannerItem(snapshot({ indicator: 'maintenance', maintenances: [maintenance] }), none)).toMatchObject({
      status: 'in_progress',
      startedAt: '2026-11-28T08:00:00.000Z',
      endsAt: '2026-11-28T14:00:00.000Z',
    });
  });

  it('falls back to the overall description of a feed that reports trouble without incidents', () => {
    expect(pickBannerItem(snapshot({ indicator: 'major', description: 'Partial System Outage' }), none)).toMatchObject({
      name: 'Partial System Outage',
      tone: 'major',
      url: 'https://status.example.com/',
    });
  });

  it('shows nothing when all is operational', () => {
    expect(pickBannerItem(snapshot({}), none)).toBeUndefined();
  });
});

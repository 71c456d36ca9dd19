import { describe, expect, it } from 'vitest';
import { Incident, Instant, Maintenance, TimelineEntry } from '../../src/model';
import { BackupError, parseBackup } from '../../src/report/backup';
import { hostileBaseDoc } from './backup-fixtures';

describe('one valid range for every stored instant: 1970 to 2999, UTC, as toISOString writes it', () => {
  it.each([
    ['the epoch', '1970-01-01T00:00:00.000Z'],
    ['today', '2026-11-28T09:10:00.000Z'],
    ['a leap day', '2028-02-29T12:00:00.000Z'],
    ['the last millisecond of 2999', '2999-12-31T23:59:59.999Z'],
  ])('accepts %s', (_name, value) => {
    expect(Instant.safeParse(value).success).toBe(true);
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00.000Z'],
    ['year 0001', '0001-01-01T00:00:00.000Z'],
    ['just before the epoch', '1969-12-31T23:59:59.999Z'],
    ['year 3000', '3000-01-01T00:00:00.000Z'],
    ['year 9999', '9999-12-31T23:59:59.999Z'],
    ['30 February', '2026-02-30T00:00:00.000Z'],
    ['29 February of a common year', '2027-02-29T00:00:00.000Z'],
    ['hour 24', '2026-11-28T24:00:00.000Z'],
    ['an expanded year', '+002026-11-28T09:10:00.000Z'],
  ])('refuses %s', (_name, value) => {
    expect(Instant.safeParse(value).success).toBe(false);
  });

  it('holds in every model that stores a time', () => {
    const far = '9999-12-31T23:59:59.999Z';
    const doc = hostileBaseDoc();
    expect(Incident.safeParse({ ...doc.incidents[0], resolvedAt: far }).success).toBe(false);
    expect(TimelineEntry.safeParse({ ...doc.entries[0], at: '0000-01-01T00:00:00.000Z' }).success).toBe(false);
    expect(Maintenance.safeParse({ ...doc.maintenances[0], scheduledUntil: far }).success).toBe(false);
  });

  const fields: [string, (doc: any, value: string) => void, string][] = [
    ['the export time', (d, v) => (d.exportedAt = v), 'exportedAt'],
    ['an incident start', (d, v) => (d.incidents[0].startedAt = v), 'incidents[0].startedAt'],
    ['an entry time', (d, v) => (d.entries[0].at = v), 'entries[0].at'],
    ['a deletion', (d, v) => (d.entries[0].deletedAt = v), 'entries[0].deletedAt'],
    [
      'a clip range',
      (d, v) =>
        (d.entries[0].clip = {
          tool: 'grafana',
          pageUrl: 'https://g.example.com/',
          pageTitle: 'G',
          componentIds: [],
          range: { from: v, to: '2026-11-28T09:00:00.000Z', relative: false },
        }),
      'entries[0].clip.range.from',
    ],
    ['a component change', (d, v) => (d.components[0].updatedAt = v), 'components[0].updatedAt'],
    ['a status update', (d, v) => (d.updates[0].at = v), 'updates[0].at'],
    ['a maintenance window', (d, v) => (d.maintenances[0].scheduledUntil = v), 'maintenances[0].scheduledUntil'],
  ];

  it.each(fields)('a backup with year 0000 or 9999 in %s is refused, naming the field', (_name, put, path) => {
    for (const value of ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const doc = hostileBaseDoc();
      put(doc, value);
      let error: unknown;
      try {
        parseBackup(JSON.stringify(doc));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).problems).toContain(`${path}: expected a time from 1970 to 2999 (UTC), got "${value}"`);
    }
  });
});

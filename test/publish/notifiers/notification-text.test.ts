import { afterEach, describe, expect, it } from 'vitest';
import { httpUrl, statusLabel, subjectLine, truncate, utcTime } from '../../../src/publish/notifiers/notification-text';
import { notification } from './notifications';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('utcTime', () => {
  // Instants at and around DST changes: the text names UTC whatever the machine's zone.
  it.each([
    ['America/New_York', '2026-03-08T07:00:00.000Z', '2026-03-08 07:00 UTC'],
    ['America/New_York', '2026-11-01T05:59:00.000Z', '2026-11-01 05:59 UTC'],
    ['Europe/Berlin', '2026-03-29T01:30:00.000Z', '2026-03-29 01:30 UTC'],
    ['Europe/Berlin', '2026-10-25T00:45:00.000Z', '2026-10-25 00:45 UTC'],
    ['Asia/Kathmandu', '2026-11-28T23:59:59.999Z', '2026-11-28 23:59 UTC'],
    ['Etc/UTC', 'not a time', 'not a time'],
  ])('in %s, %s reads %s', (tz, at, text) => {
    process.env.TZ = tz;
    expect(utcTime(at)).toBe(text);
  });
});

describe('words every notifier shares', () => {
  it.each([
    ['identified', 'Identified'],
    ['in_progress', 'In progress'],
    ['resolved', 'Resolved'],
  ])('statusLabel(%s) is %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  it('writes the subject line as `[KEY] Status: Title`', () => {
    expect(subjectLine(notification())).toBe('[INC-7] Identified: Card payments failing');
  });

  it.each([
    ['https://status.example.com/incidents/inc-7.html', 'https://status.example.com/incidents/inc-7.html'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['//evil.example/', undefined],
    ['not a url', undefined],
    [`https://example.com/${'a'.repeat(3000)}`, undefined],
    [undefined, undefined],
  ])('httpUrl(%j) is %j', (value, url) => {
    expect(httpUrl(value)).toBe(url);
  });

  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a little too long', 10, 'a little…'],
    ['ab🔥cd', 4, 'ab…'],
  ])('truncate(%j, %i) is %j', (text, max, cut) => {
    expect(truncate(text, max)).toBe(cut);
  });
});

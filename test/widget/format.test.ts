// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exactTime, humanize, maintenanceWindow, pageLocale, relativeFormat, relativeTime, webUrl } from '../../widget/src/shared/format';

const NOW = Date.parse('2026-11-28T09:10:00.000Z');

describe('relativeTime', () => {
  it.each([
    ['2026-11-28T09:09:45.000Z', 'en', 'now'],
    ['2026-11-28T09:05:00.000Z', 'en', '5 minutes ago'],
    ['2026-11-28T07:10:00.000Z', 'en', '2 hours ago'],
    ['2026-11-27T09:10:00.000Z', 'en', 'yesterday'],
    ['2026-11-27T09:10:00.000Z', 'de', 'gestern'],
    ['2026-11-28T09:05:00.000Z', 'fr', 'il y a 5 minutes'],
    ['2026-11-28T11:10:00.000Z', 'en', 'in 2 hours'],
    ['2026-08-28T09:10:00.000Z', 'en', '3 months ago'],
    ['not a time', 'en', ''],
    [undefined, 'en', ''],
  ])('%s in %s → %j', (at, locale, expected) => {
    expect(relativeTime(at, NOW, locale)).toBe(expected);
  });
});

describe('relativeFormat', () => {
  it('keeps one formatter per locale, so a page builds each once', () => {
    expect(relativeFormat('de')).toBe(relativeFormat('de'));
    expect(relativeFormat(undefined)).toBe(relativeFormat(undefined));
    expect(relativeFormat('fr')).not.toBe(relativeFormat('de'));
    expect(relativeFormat('fr').resolvedOptions()).toMatchObject({ locale: 'fr', numeric: 'auto' });
  });

  it('is the one relativeTime formats with, giving the same text every time', () => {
    const format = vi.spyOn(relativeFormat('nl'), 'format');
    try {
      expect([relativeTime('2026-11-28T09:05:00.000Z', NOW, 'nl'), relativeTime('2026-11-28T09:05:00.000Z', NOW, 'nl')]).toEqual([
        '5 minuten geleden',
        '5 minuten geleden',
      ]);
      expect(format).toHaveBeenCalledTimes(2);
    } finally {
      format.mockRestore();
    }
  });
});

// The reader's own zone, named: this file also runs in New York and Lord Howe (vitest.config.ts),
// in winter and summer, where Lord Howe's offset moves by 30 minutes.
const EXACT_TIMES: Record<string, [november: string, july: string]> = {
  UTC: ['Nov 28, 2026, 9:05:00 AM UTC', 'Jul 1, 2026, 9:05:00 AM UTC'],
  'America/New_York': ['Nov 28, 2026, 4:05:00 AM EST', 'Jul 1, 2026, 5:05:00 AM EDT'],
  'Australia/Lord_Howe': ['Nov 28, 2026, 8:05:00 PM GMT+11', 'Jul 1, 2026, 7:35:00 PM GMT+10:30'],
};

describe('exactTime', () => {
  const zone = process.env.TZ ?? 'UTC';
  it.each([
    ['2026-11-28T09:05:00.000Z', 0],
    ['2026-07-01T09:05:00.000Z', 1],
  ] as const)(`names date, time and zone: %s in ${zone}`, (at, season) => {
    // ICU puts a narrow no-break space before AM/PM in some versions.
    expect(exactTime(at, 'en').replace(/\s/g, ' ')).toBe(EXACT_TIMES[zone]?.[season]);
  });
  it('is empty for a time that is not one', () => {
    expect(exactTime('tomorrow-ish', 'en')).toBe('');
  });
});

describe('pageLocale', () => {
  it.each([
    ['de-AT', 'de-AT'],
    ['en_US', 'en-US'],
    ['fr', 'fr'],
    ['not a language!', 'xx-YY'],
    ['', 'xx-YY'],
  ])('lang=%j → %s', (lang, expected) => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', lang);
    const element = outer.appendChild(document.createElement('span'));
    expect(pageLocale(element, { language: 'xx-YY' } as Navigator)).toBe(expected);
  });

  it('is undefined (the browser default) when nothing usable is given', () => {
    expect(pageLocale(document.createElement('span'), { language: '' } as Navigator)).toBeUndefined();
  });
});

describe('webUrl', () => {
  it.each([
    ['https://status.example.com/incidents/1', undefined, 'https://status.example.com/incidents/1'],
    ['http://status.example.com/', undefined, 'http://status.example.com/'],
    ['incidents/1.html', 'https://status.example.com/api/v2/summary.json', 'https://status.example.com/api/v2/incidents/1.html'],
    ['javascript:alert(1)', 'https://status.example.com/', undefined],
    [' JavaScript:alert(1)', undefined, undefined],
    ['data:text/html,<script>alert(1)</script>', undefined, undefined],
    ['mailto:ops@example.com', undefined, undefined],
    ['', 'https://status.example.com/', undefined],
    [undefined, 'https://status.example.com/', undefined],
    ['no base', undefined, undefined],
  ])('%j (base %j) → %j', (url, base, expected) => {
    expect(webUrl(url, base)).toBe(expected);
  });
});

describe('humanize', () => {
  it.each([
    ['in_progress', 'In progress'],
    ['investigating', 'Investigating'],
    ['degraded_performance', 'Degraded performance'],
  ])('%s → %s', (word, expected) => {
    expect(humanize(word)).toBe(expected);
  });
});

describe('maintenanceWindow', () => {
  const TEXTS = { untilText: 'until {end}', upcomingText: 'from {start} to {end}' };
  // ICU puts a narrow no-break space before AM/PM; the expectations are written with plain ones.
  const words = (text: string) => text.replace(/\s/g, ' ');
  const window = (status: string, startedAt: string | undefined, endsAt: string | undefined, now: string, locale: string, timeZone: string) =>
    words(maintenanceWindow({ status, startedAt, endsAt }, TEXTS, Date.parse(now), locale, timeZone));

  // Each window read in UTC and in New York, whose clocks go back from 2:00 EDT to 1:00 EST
  // on 2026-11-01 (06:00 UTC).
  it.each([
    // status, start, end, now, locale → UTC, America/New_York
    ['under way, ending today', 'in_progress', '2026-11-28T09:00:00Z', '2026-11-28T14:00:00Z', '2026-11-28T09:10:00Z', 'en-GB', 'until 14:00', 'until 09:00'],
    [
      'under way, ending tomorrow',
      'in_progress',
      '2026-11-28T09:00:00Z',
      '2026-11-29T14:00:00Z',
      '2026-11-28T09:10:00Z',
      'en-GB',
      'until 29 Nov, 14:00',
      'until 29 Nov, 09:00',
    ],
    [
      'verifying counts as under way',
      'verifying',
      '2026-11-28T09:00:00Z',
      '2026-11-28T14:00:00Z',
      '2026-11-28T09:10:00Z',
      'en-US',
      'until 2:00 PM',
      'until 9:00 AM',
    ],
    [
      'upcoming today',
      'scheduled',
      '2026-11-28T13:00:00Z',
      '2026-11-28T14:00:00Z',
      '2026-11-28T09:10:00Z',
      'en-GB',
      'from 13:00 to 14:00',
      'from 08:00 to 09:00',
    ],
    [
      'upcoming tomorrow: the date once, on the start',
      'scheduled',
      '2026-11-29T13:00:00Z',
      '2026-11-29T15:00:00Z',
      '2026-11-28T09:10:00Z',
      'en-US',
      'from Nov 29, 1:00 PM to 3:00 PM',
      'from Nov 29, 8:00 AM to 10:00 AM',
    ],
    [
      'upcoming tonight, over midnight in UTC',
      'scheduled',
      '2026-11-28T23:00:00Z',
      '2026-11-29T01:00:00Z',
      '2026-11-28T09:10:00Z',
      'en-US',
      'from 11:00 PM to Nov 29, 1:00 AM',
      'from 6:00 PM to 8:00 PM',
    ],
    // Today is a date in the reader's zone: 03:30 UTC is still the evening before in New York.
    [
      'under way, ending after midnight in New York only',
      'in_progress',
      '2026-11-01T02:00:00Z',
      '2026-11-01T04:30:00Z',
      '2026-11-01T03:30:00Z',
      'en-US',
      'until 4:30 AM',
      'until Nov 1, 12:30 AM',
    ],
    // Across the clock change: 1:00 EDT to 1:30 EST is an hour and a half, so the zones are named.
    [
      'upcoming, across the clock change',
      'scheduled',
      '2026-11-01T05:00:00Z',
      '2026-11-01T06:30:00Z',
      '2026-11-01T04:30:00Z',
      'en-US',
      'from 5:00 AM to 6:30 AM',
      'from 1:00 AM EDT to 1:30 AM EST',
    ],
    [
      'under way at 0:30 EDT, until 1:30 EST',
      'in_progress',
      '2026-11-01T04:00:00Z',
      '2026-11-01T06:30:00Z',
      '2026-11-01T04:30:00Z',
      'en-US',
      'until 6:30 AM',
      'until 1:30 AM EST',
    ],
    [
      'upcoming, after the change but not across it: no zones',
      'scheduled',
      '2026-11-01T15:00:00Z',
      '2026-11-01T17:00:00Z',
      '2026-11-01T04:30:00Z',
      'en-US',
      'from 3:00 PM to 5:00 PM',
      'from 10:00 AM to 12:00 PM',
    ],
  ])('%s', (_label, status, start, end, now, locale, utc, newYork) => {
    expect(window(status, start, end, now, locale, 'UTC')).toBe(utc);
    expect(window(status, start, end, now, locale, 'America/New_York')).toBe(newYork);
  });

  it.each([
    ['under way without an end', 'in_progress', '2026-11-28T09:00:00Z', undefined],
    ['upcoming without an end', 'scheduled', '2026-11-28T13:00:00Z', undefined],
    ['upcoming without a start', 'scheduled', undefined, '2026-11-28T14:00:00Z'],
    ['an end that is no time', 'in_progress', '2026-11-28T09:00:00Z', 'later'],
  ])('says nothing for a maintenance %s', (_label, status, start, end) => {
    expect(window(status, start, end, '2026-11-28T09:10:00Z', 'en-GB', 'UTC')).toBe('');
  });

  it('says "until" for a maintenance under way that gives no start', () => {
    expect(window('in_progress', undefined, '2026-11-28T14:00:00Z', '2026-11-28T09:10:00Z', 'en-GB', 'UTC')).toBe('until 14:00');
  });

  it('fills the page’s own words, in the page’s language', () => {
    const de = { untilText: 'bis {end} Uhr', upcomingText: 'von {start} bis {end} Uhr' };
    const now = Date.parse('2026-11-28T09:10:00Z');
    expect(maintenanceWindow({ status: 'in_progress', endsAt: '2026-11-28T14:00:00Z' }, de, now, 'de', 'Europe/Berlin')).toBe('bis 15:00 Uhr');
    expect(maintenanceWindow({ status: 'scheduled', startedAt: '2026-11-29T13:00:00Z', endsAt: '2026-11-29T14:00:00Z' }, de, now, 'de', 'Europe/Berlin')).toBe(
      'von 29. Nov., 14:00 bis 15:00 Uhr',
    );
  });

  describe('in the visitor’s own zone when none is given', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it.each([
      ['UTC', 'from 5:00 AM to 6:30 AM'],
      ['America/New_York', 'from 1:00 AM EDT to 1:30 AM EST'],
    ])('TZ=%s', (tz, expected) => {
      process.env.TZ = tz;
      const text = maintenanceWindow(
        { status: 'scheduled', startedAt: '2026-11-01T05:00:00Z', endsAt: '2026-11-01T06:30:00Z' },
        TEXTS,
        Date.parse('2026-11-01T04:30:00Z'),
        'en-US',
      );
      expect(words(text)).toBe(expected);
    });
  });
});

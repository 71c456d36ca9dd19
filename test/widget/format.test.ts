// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exactTime, humanize, pageLocale, relativeTime, webUrl } from '../../widget/src/shared/format';

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

describe('exactTime', () => {
  it('names date, time and zone', () => {
    expect(exactTime('2026-11-28T09:05:00.000Z', 'en')).toMatch(/Nov 28, 2026.*9:05:00/);
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

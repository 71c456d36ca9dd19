import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, DEFAULT_SETTINGS, readSettings } from '../../src/model';

const cadence = DEFAULT_CADENCE;
const slowSev3 = { ...DEFAULT_CADENCE, everyMinutes: { ...DEFAULT_CADENCE.everyMinutes, SEV3: 60 } };

describe('readSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [
      { author: 'Ana', timeDisplay: 'utc' },
      { author: 'Ana', timeDisplay: 'utc', screenshotOnClip: false, cadence },
    ],
    [
      { author: 'Ana', timeDisplay: 'mars' },
      { author: 'Ana', timeDisplay: 'local', screenshotOnClip: false, cadence },
    ],
    [
      { author: 42, timeDisplay: 'utc', extra: true },
      { author: '', timeDisplay: 'utc', screenshotOnClip: false, cadence },
    ],
    [{ screenshotOnClip: true }, { author: '', timeDisplay: 'local', screenshotOnClip: true, cadence }],
    [{ cadence: slowSev3 }, { author: '', timeDisplay: 'local', screenshotOnClip: false, cadence: slowSev3 }],
    [{ cadence: { firstMinutes: 0, everyMinutes: {} } }, { author: '', timeDisplay: 'local', screenshotOnClip: false, cadence }],
  ])('reads %j back as %j, keeping every good field', (stored, expected) => {
    expect(readSettings(stored)).toEqual(expected);
  });
});

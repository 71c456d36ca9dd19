import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../src/model';

describe('readSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [{ author: 'Ana', timeDisplay: 'utc' }, { author: 'Ana', timeDisplay: 'utc', screenshotOnClip: false }],
    [{ author: 'Ana', timeDisplay: 'mars' }, { author: 'Ana', timeDisplay: 'local', screenshotOnClip: false }],
    [{ author: 42, timeDisplay: 'utc', extra: true }, { author: '', timeDisplay: 'utc', screenshotOnClip: false }],
    [{ screenshotOnClip: true }, { author: '', timeDisplay: 'local', screenshotOnClip: true }],
  ])('reads %j back as %j, keeping every good field', (stored, expected) => {
    expect(readSettings(stored)).toEqual(expected);
  });
});

import * as z from 'zod';
import { DEFAULT_CADENCE, UpdateCadence } from './publishing';

/** How times are shown; stored times are always UTC. */
export const TimeDisplay = z.enum(['local', 'utc']);
export type TimeDisplay = z.infer<typeof TimeDisplay>;

export const Settings = z.strictObject({
  /** Name written as the author of new entries. */
  author: z.string().trim().max(200),
  timeDisplay: TimeDisplay,
  /** Attach a screenshot of the visible tab to every clip (the second shortcut always does). */
  screenshotOnClip: z.boolean(),
  /** When the next public update is due while an incident is open. */
  cadence: UpdateCadence,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { author: '', timeDisplay: 'local', screenshotOnClip: false, cadence: DEFAULT_CADENCE };

/** Settings read back from storage: anything unreadable falls back field by field. */
export function readSettings(stored: unknown): Settings {
  const parsed = Settings.partial().safeParse(stored);
  if (parsed.success) return { ...DEFAULT_SETTINGS, ...stripUndefined(parsed.data) };
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = Settings.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (field.success) (out as Record<string, unknown>)[key] = field.data;
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

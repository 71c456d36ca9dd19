import * as z from 'zod';
import { Instant } from './instant';

/**
 * A time window as two ISO-8601 UTC instants: what a dashboard showed when it was clipped.
 * `relative` says the view moved with the clock (`now-1h`), so its link had to be frozen.
 */
export const TimeRange = z.strictObject({ from: Instant, to: Instant, relative: z.boolean() });
export type TimeRange = z.infer<typeof TimeRange>;

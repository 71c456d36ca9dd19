import * as z from 'zod';
import { Instant } from './instant';

/** A picture of the visible tab taken with a clip: graph data expires, the picture does not. */
export const Screenshot = z.strictObject({
  id: z.uuid(),
  incidentId: z.uuid(),
  /** The compressed full-size image (WebP or JPEG). */
  image: z.instanceof(Blob),
  /** A small preview for the timeline. */
  thumbnail: z.instanceof(Blob),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  takenAt: Instant,
});
export type Screenshot = z.infer<typeof Screenshot>;

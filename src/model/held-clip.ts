import * as z from 'zod';
import { Clip } from './clip';
import { Instant, WebUrl } from './instant';

/** The picture taken with a clip before it has an incident to belong to. */
export const HeldScreenshot = z.strictObject({
  image: z.instanceof(Blob),
  thumbnail: z.instanceof(Blob),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type HeldScreenshot = z.infer<typeof HeldScreenshot>;

/**
 * What a clip becomes on the timeline, before it is placed: the entry's text and link and the
 * clip details. With no active incident a clip is held like this until the responder says
 * which incident it belongs to, so a clip is never lost.
 */
export const ClipDraft = z.strictObject({
  text: z.string().max(100_000),
  sourceUrl: WebUrl.optional(),
  clip: Clip.omit({ screenshotId: true }),
});
export type ClipDraft = z.infer<typeof ClipDraft>;

export const HeldClip = z.strictObject({
  id: z.uuid(),
  takenAt: Instant,
  author: z.string().max(200),
  draft: ClipDraft,
  screenshot: HeldScreenshot.optional(),
});
export type HeldClip = z.infer<typeof HeldClip>;

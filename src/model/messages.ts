import * as z from 'zod';

/** Messages extension pages send the background; parsed on arrival (a trust boundary). */
export const ClipMessage = z.strictObject({
  type: z.literal('clip'),
  /** Clip this tab; default: the active tab of the last focused normal window. */
  tabId: z.number().int().optional(),
  screenshot: z.boolean().optional(),
});
export type ClipMessage = z.infer<typeof ClipMessage>;

/** Publish what the outbox holds now: after a status update, or the person pressed Retry now. */
export const PublishMessage = z.strictObject({ type: z.literal('publish') });
export type PublishMessage = z.infer<typeof PublishMessage>;

export const BackgroundMessage = z.discriminatedUnion('type', [ClipMessage, PublishMessage]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;

import * as z from 'zod';

/** Messages extension pages send the background; parsed on arrival (a trust boundary). */
export const ClipMessage = z.strictObject({
  type: z.literal('clip'),
  /** Clip this tab; default: the active tab of the last focused normal window. */
  tabId: z.number().int().optional(),
  screenshot: z.boolean().optional(),
  /** Confirm in the clipped page (as the shortcut and the menu do), not only in the asker. */
  confirmInPage: z.boolean().optional(),
});
export type ClipMessage = z.infer<typeof ClipMessage>;

/** Publish what the outbox holds now: after a status update, or the person pressed Retry now. */
export const PublishMessage = z.strictObject({ type: z.literal('publish') });
export type PublishMessage = z.infer<typeof PublishMessage>;

/** From the in-page clip confirmation: take back the entry that clip just added (soft delete). */
export const UndoClipMessage = z.strictObject({ type: z.literal('undo-clip'), entryId: z.string().min(1).max(100) });
export type UndoClipMessage = z.infer<typeof UndoClipMessage>;

/** From the in-page clip confirmation: open the timeline beside the clipped tab. */
export const OpenTimelineMessage = z.strictObject({ type: z.literal('open-timeline') });
export type OpenTimelineMessage = z.infer<typeof OpenTimelineMessage>;

export const BackgroundMessage = z.discriminatedUnion('type', [ClipMessage, PublishMessage, UndoClipMessage, OpenTimelineMessage]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;

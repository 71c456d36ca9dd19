import * as z from 'zod';

/** Messages extension pages send the background; parsed on arrival (a trust boundary). */
export const ClipMessage = z.strictObject({
  type: z.literal('clip'),
  /** Clip this tab; default: the active tab of the last focused normal window. */
  tabId: z.number().int().optional(),
  screenshot: z.boolean().optional(),
});
export type ClipMessage = z.infer<typeof ClipMessage>;

export const BackgroundMessage = z.discriminatedUnion('type', [ClipMessage]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;

import * as z from 'zod';

/** How long a clip took: from the request to the entry committed, and the storage step alone. */
export const ClipTimings = z.strictObject({
  totalMs: z.number().nonnegative(),
  storeMs: z.number().nonnegative(),
});
export type ClipTimings = z.infer<typeof ClipTimings>;

/**
 * What a clip came to, as the background answers the popup's "Clip this page" (a message, so it
 * is parsed where it arrives): added to an incident, held for one, or failed with one sentence.
 */
export const ClipResult = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('added'),
    entryId: z.string().min(1),
    incidentKey: z.string().min(1),
    notices: z.array(z.string()),
    timings: ClipTimings,
  }),
  z.strictObject({ status: z.literal('held'), heldId: z.string().min(1), notices: z.array(z.string()), timings: ClipTimings }),
  z.strictObject({ status: z.literal('failed'), error: z.string() }),
]);
export type ClipResult = z.infer<typeof ClipResult>;

import * as z from 'zod';
import { Instant } from './instant';

/** Where a post-mortem is in its review. */
export const PostmortemStatus = z.enum(['draft', 'in-review', 'final']);
export type PostmortemStatus = z.infer<typeof PostmortemStatus>;

export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  final: 'Final',
};

/** One written section: free text (Markdown), never rendered as HTML. */
const SectionText = z.string().max(50_000);

/**
 * The internal post-mortem's written sections, in the order they are read. Header, timeline and
 * action items are not here: they come from the incident, its entries and its action items.
 */
export const PostmortemSections = z.strictObject({
  summary: SectionText,
  impact: SectionText,
  rootCause: SectionText,
  trigger: SectionText,
  detection: SectionText,
  resolution: SectionText,
  /** The real fix, when the resolution was a hotfix. */
  longTermFix: SectionText,
  wentWell: SectionText,
  wentWrong: SectionText,
  /** Where we got lucky. */
  lucky: SectionText,
});
export type PostmortemSections = z.infer<typeof PostmortemSections>;
export type PostmortemSection = keyof PostmortemSections;

/** The public post-mortem's four sections, in the outline customers expect. */
export const PublicPostmortemText = z.strictObject({
  /** Acknowledge the problem, empathise with those affected, apologise. */
  opening: SectionText,
  /** What went wrong and why. */
  whatHappened: SectionText,
  /** What was done to fix it and to prevent it happening again. */
  whatWeDid: SectionText,
  /** Acknowledge, empathise and apologise once more. */
  closing: SectionText,
});
export type PublicPostmortemText = z.infer<typeof PublicPostmortemText>;

/**
 * The public post-mortem: written apart from the internal one, in the outline customers expect,
 * and the only post-mortem text that may reach the status site. What is typed is a draft; the site
 * shows only `published`, the copy taken when the incident manager last pressed Publish, so an
 * edit never goes out with some unrelated publish.
 */
export const PublicPostmortem = PublicPostmortemText.extend({
  /** When it was last published to the status site; absent until then. */
  publishedAt: Instant.optional(),
  /** The sections exactly as last published; absent until then. */
  published: PublicPostmortemText.optional(),
});
export type PublicPostmortem = z.infer<typeof PublicPostmortem>;

/** Which entries the post-mortem's timeline lists. */
export const PostmortemTimeline = z.enum(['starred', 'all']);
export type PostmortemTimeline = z.infer<typeof PostmortemTimeline>;

/** An incident's post-mortem: one per incident, saved as it is typed. */
export const Postmortem = z.strictObject({
  incidentId: z.uuid(),
  status: PostmortemStatus,
  authors: z.array(z.string().trim().min(1).max(200)).max(20),
  timeline: PostmortemTimeline,
  sections: PostmortemSections,
  public: PublicPostmortem,
  createdAt: Instant,
  /** Last change anywhere in the record: merge keeps the newer copy. */
  updatedAt: Instant,
});
export type Postmortem = z.infer<typeof Postmortem>;

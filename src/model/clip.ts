import * as z from 'zod';
import { Instant, WebUrl } from './instant';

/** The monitoring tools `recognize()` knows (DESIGN.md's contract), plus `generic`. */
export const ClipTool = z.enum([
  'grafana', 'grafana-explore', 'prometheus', 'alertmanager', 'kibana', 'opensearch', 'datadog',
  'sentry', 'jaeger', 'cloudwatch', 'gcp-logging', 'honeycomb', 'generic',
]);
export type ClipTool = z.infer<typeof ClipTool>;

export const ClipRange = z.strictObject({ from: Instant, to: Instant, relative: z.boolean() });
export type ClipRange = z.infer<typeof ClipRange>;

const PageText = z.string().max(2000);

/** What a clip saw: the page, the tool, its exact time window, and where it came from. */
export const Clip = z.strictObject({
  tool: ClipTool,
  /** The page as it was when clipped (any scheme: chrome:// pages are clipped as text). */
  pageUrl: z.string().max(8192),
  pageTitle: PageText,
  /** The same view with the range frozen to absolute instants; the entry's link. */
  frozenUrl: WebUrl.optional(),
  range: ClipRange.optional(),
  query: z.string().max(10_000).optional(),
  /** The panel the URL names, as written in the URL. */
  panel: PageText.optional(),
  /** What the page said beyond its URL (Grafana's panel header, dashboard title). */
  panelTitle: PageText.optional(),
  dashboardTitle: PageText.optional(),
  /** Screenshot of the visible tab, stored in the screenshots table. */
  screenshotId: z.uuid().optional(),
  /** Components whose dashboard patterns matched the page. */
  componentIds: z.array(z.uuid()).max(100),
  /** Why the clip is less than it could be (e.g. the page refused scripts). */
  notice: PageText.optional(),
});
export type Clip = z.infer<typeof Clip>;

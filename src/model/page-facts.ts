import * as z from 'zod';

/**
 * What the page scripts (src/capture/extract-page.ts) send back from an untrusted page: parsed with
 * these where it enters (src/clipper/page-scripts.ts), loosely, since a page may add anything.
 */

const PageText = z.string().max(500);

export const GrafanaPageFacts = z.looseObject({
  panelTitle: PageText.optional(),
  dashboardTitle: PageText.optional(),
});
export type GrafanaPageFacts = z.infer<typeof GrafanaPageFacts>;

/** What `readSelection` sends back from the page. Lengths are cut when the entry is built. */
export const PageSelection = z.looseObject({
  selection: z.string().optional(),
  selectionLength: z.number().int().nonnegative().optional(),
  title: z.string().optional(),
});
export type PageSelection = z.infer<typeof PageSelection>;

export const KibanaPageFacts = z.looseObject({
  start: PageText.optional(),
  end: PageText.optional(),
  prettyRange: PageText.optional(),
  sharedDuration: PageText.optional(),
  dateRange: PageText.optional(),
  timeZone: PageText.optional(),
  title: PageText.optional(),
});
export type KibanaPageFacts = z.infer<typeof KibanaPageFacts>;

/** What an alert, ticket or change page says (extract-page.ts's per-tool readers). */
export const RefPageFacts = z.looseObject({
  title: PageText.optional(),
  service: PageText.optional(),
  alertedAt: PageText.optional(),
});
export type RefPageFacts = z.infer<typeof RefPageFacts>;

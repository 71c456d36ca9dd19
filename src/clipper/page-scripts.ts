/**
 * Functions injected into the clipped tab with `scripting.executeScript({ func })`. Only their
 * source is sent, so each is self-contained and returns plain JSON; the background parses what
 * comes back, since it is page content.
 */
import type * as z from 'zod';
import type { PageFactsKind } from '../capture/apply-page-facts';
import { GrafanaPageFacts, KibanaPageFacts, RefPageFacts } from '../model/page-facts';
import {
  extractGitHubPage,
  extractGrafanaPage,
  extractJiraPage,
  extractKibanaPage,
  extractOpsgeniePage,
  extractPagerDutyPage,
  extractZendeskPage,
} from '../capture/extract-page';

/** The reader to inject for each kind of page facts (`pageFactsWanted`); the tab passes no arguments. */
export const PAGE_FACT_READERS: Record<PageFactsKind, () => unknown> = {
  grafana: extractGrafanaPage,
  kibana: extractKibanaPage,
  pagerduty: extractPagerDutyPage,
  opsgenie: extractOpsgeniePage,
  jira: extractJiraPage,
  zendesk: extractZendeskPage,
  github: extractGitHubPage,
};

/** What each reader's answer must look like; the page is untrusted, so it is parsed on arrival. */
export const PAGE_FACT_SCHEMAS: Record<PageFactsKind, z.ZodType> = {
  grafana: GrafanaPageFacts,
  kibana: KibanaPageFacts,
  pagerduty: RefPageFacts,
  opsgenie: RefPageFacts,
  jira: RefPageFacts,
  zendesk: RefPageFacts,
  github: RefPageFacts,
};

/**
 * The selected text and the page title, as the person sees them. A selection longer than an
 * entry holds is cut here, so megabytes never cross into the extension, and its full length in
 * characters (code points) goes with it, so the entry can say it was shortened.
 */
export function readSelection(): { selection: string; selectionLength: number; title: string } {
  const MAX = 100_000;
  const whole = globalThis.getSelection?.()?.toString() ?? '';
  let pairs = 0;
  for (let i = 0; i < whole.length - 1; i++) {
    const unit = whole.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = whole.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return { selection: whole.slice(0, MAX), selectionLength: whole.length - pairs, title: document.title.slice(0, 2000) };
}

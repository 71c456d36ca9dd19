import { GrafanaPageFacts, KibanaPageFacts, kibanaRangeFromPage } from './page-facts';
import type { Recognized } from './recognized';
import { freezeKibanaUrl } from './tools/kibana-state';

/** Which page extractor, if any, can add to what the URL of this tool says. */
export function pageFactsWanted(tool: Recognized['tool']): 'grafana' | 'kibana' | undefined {
  if (tool === 'grafana') return 'grafana';
  if (tool === 'kibana' || tool === 'opensearch') return 'kibana';
  return undefined;
}

export interface Enriched {
  recognized: Recognized;
  panelTitle?: string;
  dashboardTitle?: string;
}

/**
 * Adds what the page said to what the URL said: Grafana's panel and dashboard titles, and for
 * Kibana URLs whose state is hashed, the time picker's range (then written into the frozen URL).
 * `raw` is untrusted page output and is parsed here; anything unreadable is ignored.
 */
export function applyPageFacts(recognized: Recognized, raw: unknown, now: Date): Enriched {
  const tool = pageFactsWanted(recognized.tool);
  if (tool === 'grafana') {
    const facts = GrafanaPageFacts.safeParse(raw);
    if (!facts.success) return { recognized };
    return {
      recognized,
      ...(facts.data.panelTitle && { panelTitle: facts.data.panelTitle }),
      ...(facts.data.dashboardTitle && { dashboardTitle: facts.data.dashboardTitle }),
    };
  }
  if (tool === 'kibana' && !recognized.range) {
    const facts = KibanaPageFacts.safeParse(raw);
    const range = facts.success ? kibanaRangeFromPage(facts.data, now) : undefined;
    if (!range) return { recognized };
    let frozenUrl = recognized.frozenUrl;
    try {
      frozenUrl = freezeKibanaUrl(new URL(recognized.frozenUrl), range);
    } catch {
      // Keep the URL as it was: the range is still recorded on the clip.
    }
    return {
      recognized: { ...recognized, range, frozenUrl },
      ...(facts.success && facts.data.title && { dashboardTitle: facts.data.title }),
    };
  }
  return { recognized };
}

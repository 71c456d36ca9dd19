import { isStorableInstant } from '../model/instant';
import { GrafanaPageFacts, KibanaPageFacts, RefPageFacts } from '../model/page-facts';
import { kibanaRangeFromPage } from './page-facts';
import type { Recognized } from './recognized';
import { freezeKibanaUrl } from './tools/kibana-state';

/** The page readers (extract-page.ts) there are, by the tool whose pages each reads. */
export type PageFactsKind = 'grafana' | 'kibana' | 'pagerduty' | 'opsgenie' | 'jira' | 'zendesk' | 'github';

// Tools whose pages are about one thing, each with a reader of its title (and an alert's service).
const REF_PAGE_READERS = new Set<Recognized['tool']>(['pagerduty', 'opsgenie', 'jira', 'zendesk', 'github']);

/** Which page extractor, if any, can add to what the URL of this tool says. */
export function pageFactsWanted(tool: Recognized['tool']): PageFactsKind | undefined {
  if (tool === 'grafana') return 'grafana';
  if (tool === 'kibana' || tool === 'opensearch') return 'kibana';
  if (REF_PAGE_READERS.has(tool)) return tool as PageFactsKind;
  return undefined;
}

export interface Enriched {
  recognized: Recognized;
  /** Grafana's panel; on alert, ticket and change pages, the alert title, ticket or commit subject. */
  panelTitle?: string;
  /** Grafana's dashboard; on alert pages, the alert's service. */
  dashboardTitle?: string;
  /** When the alert fired, as an ISO-8601 UTC instant, if an alert page showed it. */
  alertedAt?: string;
}

// An alert page's clock may run a little ahead of the responder's; further ahead is no alert time.
const CLOCK_SKEW_MS = 5 * 60_000;

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
  if (tool !== undefined && tool !== 'kibana') return withRefFacts(recognized, raw, now);
  return { recognized };
}

/**
 * An alert, ticket or change page's facts: its title where a panel title goes (the clip's "what"),
 * an alert's service where a dashboard goes (its "where"), and an alert's time when the page gave
 * one that is a real instant no later than `now`.
 */
function withRefFacts(recognized: Recognized, raw: unknown, now: Date): Enriched {
  const facts = RefPageFacts.safeParse(raw);
  if (!facts.success) return { recognized };
  const { title, service, alertedAt } = facts.data;
  const at = alertedAt === undefined || recognized.ref?.kind !== 'alert' ? undefined : toInstant(alertedAt, now);
  return {
    recognized,
    ...(title && { panelTitle: title }),
    ...(service && { dashboardTitle: service }),
    ...(at && { alertedAt: at }),
  };
}

/**
 * `text` as a storable ISO-8601 UTC instant, if it is a real calendar time with its zone
 * (`2026-11-28T08:42:17Z`, `…+01:00`) no later than `now`. `Date.parse` would roll 30 February
 * over into March, so the fields are checked as written.
 */
function toInstant(text: string, now: Date): string | undefined {
  // A time without a zone would be read in the responder's zone, not the page's: no instant.
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/i.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  fields[1] -= 1;
  const wall = Date.UTC(...fields, Number(fraction.padEnd(3, '0')));
  const back = new Date(wall);
  const written = [back.getUTCFullYear(), back.getUTCMonth(), back.getUTCDate(), back.getUTCHours(), back.getUTCMinutes(), back.getUTCSeconds()];
  if (written.some((value, i) => value !== fields[i]) || Number(offsetMinutes) > 59) return undefined;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const ms = wall - offsetMs;
  if (ms > now.getTime() + CLOCK_SKEW_MS) return undefined;
  const instant = new Date(ms).toISOString();
  return isStorableInstant(instant) ? instant : undefined;
}

import * as z from 'zod';
import { Instant, WebUrl } from './instant';
import { TimeRange } from './time-range';

/**
 * The tools `recognize()` knows (DESIGN.md's contract), plus `generic`: the one list, which
 * `src/capture/recognized.ts` takes its `Tool` type from.
 */
export const ClipTool = z.enum([
  // Monitoring.
  'grafana',
  'grafana-explore',
  'prometheus',
  'alertmanager',
  'kibana',
  'opensearch',
  'datadog',
  'sentry',
  'jaeger',
  'cloudwatch',
  'gcp-logging',
  'honeycomb',
  'dynatrace',
  'newrelic',
  'zabbix',
  'nagios',
  // Alerting.
  'pagerduty',
  'opsgenie',
  'xmatters',
  // Tickets and changes.
  'jira',
  'zendesk',
  'intercom',
  'github',
  'gitlab',
  'generic',
]);
export type ClipTool = z.infer<typeof ClipTool>;

/** Each tool as people name it, for badges and exports. */
export const CLIP_TOOL_LABELS: Record<ClipTool, string> = {
  grafana: 'Grafana',
  'grafana-explore': 'Grafana Explore',
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
  kibana: 'Kibana',
  opensearch: 'OpenSearch',
  datadog: 'Datadog',
  sentry: 'Sentry',
  jaeger: 'Jaeger',
  cloudwatch: 'CloudWatch',
  'gcp-logging': 'Cloud Logging',
  honeycomb: 'Honeycomb',
  dynatrace: 'Dynatrace',
  newrelic: 'New Relic',
  zabbix: 'Zabbix',
  nagios: 'Nagios XI',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  xmatters: 'xMatters',
  jira: 'Jira',
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  github: 'GitHub',
  gitlab: 'GitLab',
  generic: 'Page',
};

/** What the page is about, when it is one thing: an alert, a customer's ticket, a code change. */
export const ClipRef = z.strictObject({ kind: z.enum(['alert', 'ticket', 'change']), id: z.string().trim().min(1).max(200) });
export type ClipRef = z.infer<typeof ClipRef>;

const PageText = z.string().max(2000);

/** How many later clips one entry keeps; past it, the next clip of the same thing starts a new entry. */
export const MAX_SIGHTINGS = 1000;

/**
 * A later clip of the same alert, ticket or change (same tool and `ref`) on the same incident:
 * the entry stays one alert, seen again then. The entry's own time and text are its first sighting.
 */
export const ClipSighting = z.strictObject({
  at: Instant,
  /** What the person selected on that clip, when it said more than the page's own title. */
  text: z.string().max(100_000).optional(),
  /** That clip's screenshot, in the screenshots table. */
  screenshotId: z.uuid().optional(),
});
export type ClipSighting = z.infer<typeof ClipSighting>;

/** What a clip saw: the page, the tool, its exact time window, and where it came from. */
export const Clip = z.strictObject({
  tool: ClipTool,
  /** The page as it was when clipped (any scheme: chrome:// pages are clipped as text). */
  pageUrl: z.string().max(8192),
  pageTitle: PageText,
  /** The same view with the range frozen to absolute instants; the entry's link. */
  frozenUrl: WebUrl.optional(),
  range: TimeRange.optional(),
  ref: ClipRef.optional(),
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
  /**
   * When the alert fired, as the alerting tool's page showed it (alert refs, from page facts):
   * an incident declared from this clip counts as detected then, not when the clip was taken.
   */
  alertedAt: Instant.optional(),
  /** Later clips of the same `ref` on the same incident, oldest first (see ClipSighting). */
  sightings: z.array(ClipSighting).max(MAX_SIGHTINGS).optional(),
});
export type Clip = z.infer<typeof Clip>;

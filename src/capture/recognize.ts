/**
 * `recognize(url, now)`: which monitoring tool a URL belongs to, the time window it shows as
 * absolute instants, its query and panel, and the same view frozen to that window.
 *
 * Tools are told apart by URL shape (paths, parameters, fragments), since most run self-hosted
 * under arbitrary names and sub-paths. Each recognizer returns `undefined` for a URL that is not
 * its shape; the first that answers wins, so the order below goes from the least ambiguous shapes
 * to the loosest.
 */
import type { Recognized } from './recognized.ts';
import { recognizeAlertmanager } from './tools/alertmanager.ts';
import { recognizeCloudWatch } from './tools/cloudwatch.ts';
import { recognizeDatadog } from './tools/datadog.ts';
import { recognizeDynatrace } from './tools/dynatrace.ts';
import { recognizeGcpLogging } from './tools/gcp-logging.ts';
import { recognizeGitHub } from './tools/github.ts';
import { recognizeGitLab } from './tools/gitlab.ts';
import { recognizeGrafana } from './tools/grafana.ts';
import { recognizeGrafanaExplore } from './tools/grafana-explore.ts';
import { recognizeHoneycomb } from './tools/honeycomb.ts';
import { recognizeIntercom } from './tools/intercom.ts';
import { recognizeJaeger } from './tools/jaeger.ts';
import { recognizeJira } from './tools/jira.ts';
import { recognizeKibana } from './tools/kibana.ts';
import { recognizeNagios } from './tools/nagios.ts';
import { recognizeNewRelic } from './tools/newrelic.ts';
import { recognizeOpenSearch } from './tools/opensearch.ts';
import { recognizeOpsgenie } from './tools/opsgenie.ts';
import { recognizePagerDuty } from './tools/pagerduty.ts';
import { recognizePrometheus } from './tools/prometheus.ts';
import { recognizeSentry } from './tools/sentry.ts';
import { recognizeXMatters } from './tools/xmatters.ts';
import { recognizeZendesk } from './tools/zendesk.ts';
import { recognizeZabbix } from './tools/zabbix.ts';

export type { Recognized, Tool } from './recognized.ts';

/** `zone`: the IANA zone times without one are read in (the responder's, or the tool's setting). */
export type Recognizer = (url: URL, now: Date, zone?: string) => Recognized | undefined;

export const RECOGNIZERS: readonly Recognizer[] = [
  // Vendor consoles: their hosts and URL grammars are their own.
  recognizeDatadog,
  recognizeCloudWatch,
  recognizeGcpLogging,
  recognizeHoneycomb,
  // Alerting, tickets and code changes: SaaS hosts of their own, and self-hosted path shapes no
  // monitoring tool writes (`/browse/ACME-1`, `/-/merge_requests/12`, `/<owner>/<repo>/pull/412`).
  // Opsgenie before Jira: Jira Service Management shows Opsgenie's alerts under `/jira/ops/`.
  recognizePagerDuty,
  recognizeOpsgenie,
  recognizeXMatters,
  recognizeJira,
  recognizeZendesk,
  recognizeIntercom,
  recognizeGitHub,
  recognizeGitLab,
  // Monitoring vendors' consoles (New Relic's alert pages included); Dynatrace Managed on a
  // customer's host only with `/e/<env-uuid>/` and the classic UI's state.
  recognizeDynatrace,
  recognizeNewRelic,
  // Self-hosted PHP frontends, told apart by their own script names (`zabbix.php`, `tr_events.php`)
  // and install path (`/nagiosxi/`).
  recognizeZabbix,
  recognizeNagios,
  // Explore before dashboards: both live in the same Grafana, Explore under `/explore`.
  recognizeGrafanaExplore,
  recognizeGrafana,
  // OpenSearch Dashboards before Kibana: the fork keeps Kibana's shape and adds its own marks.
  recognizeOpenSearch,
  recognizeKibana,
  recognizePrometheus,
  recognizeAlertmanager,
  // Self-hosted tools whose shapes are plainer paths (`/search`, `/organizations/<org>/…`).
  recognizeJaeger,
  recognizeSentry,
];

/**
 * Recognizes `url`, resolving relative ranges against `now`, and times that name no zone in `zone`
 * (an IANA name: the responder's, for dashboards set to `timezone=browser`). Never throws for any URL: a string
 * that is not an absolute http(s) URL, or a page no recognizer knows, is `generic` with
 * `frozenUrl` set to the input unchanged.
 * @throws RangeError when `now` is an invalid Date, a caller bug rather than bad page input.
 */
export function recognize(url: string, now: Date = new Date(), zone?: string): Recognized {
  if (Number.isNaN(now.getTime())) throw new RangeError('recognize: `now` is an invalid Date');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { tool: 'generic', frozenUrl: url };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { tool: 'generic', frozenUrl: url };

  for (const recognizer of RECOGNIZERS) {
    let found: Recognized | undefined;
    try {
      found = recognizer(parsed, now, zone);
    } catch {
      // A recognizer tripping over an odd URL must not cost the clip; the next one may know it.
      continue;
    }
    if (found !== undefined) return found;
  }
  return { tool: 'generic', frozenUrl: url };
}

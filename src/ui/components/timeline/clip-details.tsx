import type { Clip, Component, TimeDisplay } from '../../../model';
import { formatClock, formatDay } from '../../format-time';
import { ScreenshotThumb } from './screenshot-thumb';

const TOOL_LABELS: Record<Clip['tool'], string> = {
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
  generic: 'Page',
};

/** What a clip saw: tool, panel, exact window, query, components and screenshot. All text. */
export function ClipDetails({ clip, timeDisplay, components }: { clip: Clip; timeDisplay: TimeDisplay; components: ReadonlyMap<string, Component> }) {
  const where = [clip.panelTitle ?? (clip.panel && `panel ${clip.panel}`), clip.dashboardTitle ?? clip.pageTitle].filter(Boolean).join(' · ');
  const range = clip.range;
  const sameDay = range && formatDay(range.from, timeDisplay) === formatDay(range.to, timeDisplay);
  const tagged = clip.componentIds.map((id) => components.get(id)).filter((c): c is Component => !!c);
  return (
    <div class="clip-details" data-testid="clip-details">
      <div class="clip-details__line">
        <span class="badge tool">{TOOL_LABELS[clip.tool]}</span>
        {where && <span data-testid="clip-where">{where}</span>}
      </div>
      {range && (
        <div class="clip-details__line" data-testid="clip-range" title={`${range.from} → ${range.to}${range.relative ? ' (was a relative range, frozen when clipped)' : ''}`}>
          {formatDay(range.from, timeDisplay)} {formatClock(range.from, timeDisplay)} – {sameDay ? '' : `${formatDay(range.to, timeDisplay)} `}
          {formatClock(range.to, timeDisplay)}
          {timeDisplay === 'utc' ? ' UTC' : ''}
          {range.relative && <span class="hint"> (frozen)</span>}
        </div>
      )}
      {clip.query && <code class="clip-details__query">{clip.query}</code>}
      {tagged.length > 0 && (
        <div class="clip-details__line" data-testid="clip-components">
          {tagged.map((c) => (
            <span key={c.id} class="badge component" title={c.owner ? `Owned by ${c.owner}` : undefined}>
              {c.name}
              {c.owner && ` · ${c.owner}`}
            </span>
          ))}
        </div>
      )}
      {clip.notice && (
        <p class="hint" data-testid="clip-notice">
          {clip.notice}
        </p>
      )}
      {clip.screenshotId && <ScreenshotThumb id={clip.screenshotId} label={where || clip.pageUrl} />}
    </div>
  );
}

import { useSignal } from '@preact/signals';
import { Severity } from '../../model';
import { MEASURES, MEASURE_LABELS, formatDuration, type GapReason } from '../../process/key-moments';
import { PERIOD_LABELS, PERIOD_PRESETS, metricsOver, periodOf, type MeasureSummaries, type PeriodPreset, type Summary } from '../../process/metrics';
import type { MetricsState } from '../state/metrics-state';
import { ErrorBanner } from './error-banner';

const GAP_TEXT: Record<GapReason, string> = { missing: '—', open: 'open', 'out-of-order': 'out of order' };

function cell(key: string, summary: Summary) {
  if (!summary.count) return <td key={key}>—</td>;
  return (
    <td key={key}>
      {formatDuration(summary.median!)} / {formatDuration(summary.p90!)} <span class="hint">({summary.count})</span>
    </td>
  );
}

function SummaryRows({ label, rows }: { label: string; rows: { name: string; summaries: MeasureSummaries }[] }) {
  return (
    <table class="metrics-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          {MEASURES.map((m) => (
            <th key={m} scope="col">
              {MEASURE_LABELS[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {MEASURES.map((m) => cell(m, row.summaries[m]))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Time to detect, acknowledge, mitigate and resolve over a chosen period: median / p90 (count)
 * overall, per severity, per component, and each incident's own. Periods follow the local calendar.
 */
export function MetricsView({ state, now = () => new Date() }: { state: MetricsState; now?: () => Date }) {
  const preset = useSignal<PeriodPreset>('last-90-days');
  const data = state.data.value;
  const metrics = data && metricsOver({ ...data, period: periodOf(preset.value, now()) });
  return (
    <section class="metrics-view" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Response times</h2>
      <p class="hint">Median / 90th percentile (incidents counted), for the incidents that started in the period.</p>
      <ErrorBanner message={state.loadError.value && `Could not read the incidents: ${state.loadError.value.message}`} />
      <div class="field">
        <label for="metrics-period">Period</label>
        <select id="metrics-period" value={preset.value} onChange={(e) => (preset.value = e.currentTarget.value as PeriodPreset)}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      {!metrics ? (
        <p class="hint">Loading…</p>
      ) : !metrics.incidents.length ? (
        <p class="hint">No incident started in this period.</p>
      ) : (
        <>
          <SummaryRows
            label="Severity"
            rows={[
              { name: 'All', summaries: metrics.overall },
              ...Severity.options
                .filter((s) => metrics.incidents.some((t) => t.incident.severity === s))
                .map((s) => ({ name: s, summaries: metrics.bySeverity[s] })),
            ]}
          />
          {metrics.byComponent.length > 0 && <SummaryRows label="Component" rows={metrics.byComponent} />}
          <table class="metrics-table" aria-label="Incidents">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                {MEASURES.map((m) => (
                  <th key={m} scope="col">
                    {MEASURE_LABELS[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {metrics.incidents.map((t) => (
                <tr key={t.incident.id} data-testid="metrics-incident">
                  <th scope="row">
                    {t.incident.key} <span class="badge">{t.incident.severity}</span>
                  </th>
                  {MEASURES.map((m) => {
                    const ms = t.ms[m];
                    const gap = t.gaps[m];
                    return (
                      <td key={m} title={m === 'mitigate' && t.mitigatedAtResolution ? 'No mitigation marked: counted to the resolution' : undefined}>
                        {ms !== undefined ? formatDuration(ms) : GAP_TEXT[gap ?? 'missing']}
                        {m === 'mitigate' && t.mitigatedAtResolution && ms !== undefined ? '*' : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {metrics.incidents.some((t) => t.mitigatedAtResolution) && <p class="hint">* No mitigation marked: counted to the resolution.</p>}
        </>
      )}
    </section>
  );
}

/**
 * Prometheus expression browser, old React UI (`/graph?g0.expr=…&g0.tab=0&g0.range_input=1h&
 * g0.end_input=2019-10-25 23:37&g0.moment_input=…`) and the v3 UI (`/query?g0.expr=…&g0.tab=graph&
 * g0.range_input=1h&g0.end_input=2024-01-15 12:30:45&g0.moment_input=…`). Thanos and other
 * Prometheus-compatible UIs use the same `gN.*` parameters, so the shape, not the host, decides.
 *
 * Both UIs read `end_input`/`moment_input` as UTC (`moment.utc` / `dayjs.utc`). The old UI writes
 * minutes (`YYYY-MM-DD HH:mm`), v3 seconds (`YYYY-MM-DD HH:mm:ss`); both parse the seconds form, so
 * that is what frozen URLs carry, in both parameters, as v3 does itself.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { DURATION_UNIT_MS } from '../instants.ts';
import { replaceQueryParams } from '../query-string.ts';
import { parseInstant } from '../relative-time.ts';

const PANEL_EXPR = /^g(\d+)\.expr$/;
// Both UIs default a panel to a one-hour range.
const DEFAULT_RANGE_MS = DURATION_UNIT_MS.h;

interface PanelWindow {
  index: string;
  end: Date;
  rangeMs: number;
  hasRangeInput: boolean;
}

export function recognizePrometheus(url: URL, now: Date): Recognized | undefined {
  const params = url.searchParams;
  const panels: string[] = [];
  for (const key of params.keys()) {
    const match = PANEL_EXPR.exec(key);
    if (match?.[1] !== undefined) panels.push(match[1]);
  }
  if (panels.length === 0) return isPrometheusPage(url) ? { tool: 'prometheus', frozenUrl: url.href } : undefined;
  panels.sort((a, b) => Number(a) - Number(b));

  // The UI evaluates "now" to the millisecond, but a frozen URL holds whole seconds; resolving
  // against the same whole second keeps the range and the frozen link in agreement.
  const nowSecond = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const windows: PanelWindow[] = [];
  let range: TimeRange | undefined;
  let query: string | undefined;
  for (const index of panels) {
    const get = (name: string) => params.get(`g${index}.${name}`);
    const tab = get('tab');
    const isGraph = tab === '0' || tab === 'graph';
    // The graph shows `end_input`, the table evaluates at `moment_input`; each UI falls back to the
    // other when one is missing.
    const endText = isGraph ? (get('end_input') ?? get('moment_input')) : (get('moment_input') ?? get('end_input'));
    const end = endText !== null && endText !== '' ? parseInstant(endText) : nowSecond;
    if (end === undefined) continue;
    const rangeInput = get('range_input');
    const rangeMs = (rangeInput !== null ? prometheusDurationMs(rangeInput) : undefined) ?? DEFAULT_RANGE_MS;
    // A table (or explain) tab is one instant, the graph a window ending at `end`.
    const from = isGraph ? new Date(end.getTime() - rangeMs) : end;
    if (Number.isNaN(from.getTime())) continue;
    windows.push({ index, end, rangeMs, hasRangeInput: rangeInput !== null });
    if (range === undefined) {
      range = { from: from.toISOString(), to: end.toISOString(), relative: endText === null || endText === '' };
      const expr = get('expr');
      if (expr !== null && expr.trim() !== '') query = expr;
    }
  }

  const result: Recognized = { tool: 'prometheus', frozenUrl: url.href };
  if (query !== undefined) result.query = query;
  if (range === undefined) return result;
  result.range = range;

  const updates: Record<string, string> = {};
  for (const { index, end, rangeMs, hasRangeInput } of windows) {
    const written = encodeURIComponent(formatPrometheusTime(end));
    updates[`g${index}.end_input`] = written;
    updates[`g${index}.moment_input`] = written;
    if (!hasRangeInput) updates[`g${index}.range_input`] = formatPrometheusDuration(rangeMs);
  }
  const frozen = new URL(url.href);
  frozen.search = replaceQueryParams(url.search, updates);
  result.frozenUrl = frozen.href;
  return result;
}

/** `1h`, `1h30m`, `2d`, `90s`, `500ms` in milliseconds; `undefined` when not a Prometheus duration. */
export function prometheusDurationMs(text: string): number | undefined {
  const match = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text.trim());
  if (match === null || text.trim() === '') return undefined;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;
  let total = 0;
  units.forEach((unit, i) => {
    const amount = match[i + 1];
    if (amount !== undefined) total += Number(amount) * DURATION_UNIT_MS[unit];
  });
  return total;
}

function formatPrometheusDuration(ms: number): string {
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's'] as const) {
    const size = DURATION_UNIT_MS[unit];
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the form both UIs read. */
function formatPrometheusTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function isPrometheusPage(url: URL): boolean {
  const last = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .pop();
  return (last === 'graph' || last === 'query') && /prometheus|thanos/i.test(url.hostname + url.pathname);
}

/**
 * What the URL lacks, the page may say. These functions are injected into the clipped tab on
 * demand (`chrome.scripting.executeScript({ func })`), which sends their source text, not their
 * closure: each must be self-contained — no imports, no helpers outside its own body — and return
 * plain JSON. `doc` defaults to the page's `document`; tests pass a fixture's.
 *
 * The results are untrusted page content: the extension parses them with the schemas in
 * page-facts.ts and renders them as text.
 */

/** What a Grafana page shows beyond its URL. */
export interface GrafanaPageFacts {
  /** Title of the panel the selection is in (or the only panel on the page). */
  panelTitle?: string;
  dashboardTitle?: string;
}

/** Kibana's time picker as displayed, for URLs whose state is hashed into session storage. */
export interface KibanaPageFacts {
  /** The start and end buttons of the time picker when it shows dates ("Sep 19, 2015 @ 06:31:44.000", "now", "~ 15 minutes ago"). */
  start?: string;
  end?: string;
  /** The collapsed picker's label ("Last 15 minutes", "Today"). */
  prettyRange?: string;
  /** `data-shared-timefilter-duration`: the range Kibana resolved, as "<start> to <end>" in its date format. */
  sharedDuration?: string;
  /** The newer DateRangePicker's `data-date-range`. */
  dateRange?: string;
  /** The browser's zone, which Kibana formats dates in unless `dateFormat:tz` says otherwise. */
  timeZone?: string;
  title?: string;
}

/**
 * Grafana's panel under the selection and the dashboard title. Panels carry
 * `data-testid="data-testid Panel header <title>"`: on the panel's `<section>` since Grafana 9.5,
 * on the header inside the panel container before that (`aria-label="Panel header <title>"` in 7.x).
 */
export function extractGrafanaPage(doc: Document = document): GrafanaPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const HEADER = '[data-testid^="data-testid Panel header "], [data-testid^="Panel header "], [aria-label^="Panel header "]';
  const titleOf = (element: Element | null | undefined): string | undefined => {
    if (element === null || element === undefined) return undefined;
    const label = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? '';
    const match = /^(?:data-testid )?Panel header (.+)$/s.exec(label);
    return match === null ? undefined : clean(match[1]);
  };

  const facts: GrafanaPageFacts = {};

  const selection = typeof doc.getSelection === 'function' ? doc.getSelection() : null;
  const node = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0).commonAncestorContainer : null;
  const start = node === null ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (start !== null) {
    const section = start.closest(HEADER);
    facts.panelTitle = titleOf(section);
    if (facts.panelTitle === undefined) {
      const container = start.closest('.react-grid-item, .panel-container, [data-panelid], [data-viz-panel-key]');
      facts.panelTitle = titleOf(container?.querySelector(HEADER));
    }
  }
  if (facts.panelTitle === undefined) {
    // Nothing selected in a panel: a page showing one panel (viewPanel, d-solo) still names it.
    const headers = doc.querySelectorAll(HEADER);
    if (headers.length === 1) facts.panelTitle = titleOf(headers[0]);
  }

  // The breadcrumb that links to a dashboard (`…/d/<uid>/…`) names it; on the dashboard itself the
  // last breadcrumb is the current page.
  const crumbs = Array.from(doc.querySelectorAll('nav[aria-label="Breadcrumbs"] a[href], a[data-testid$=" breadcrumb"]'));
  for (const crumb of crumbs) {
    if (/\/d\/[^/]+/.test(crumb.getAttribute('href') ?? '')) facts.dashboardTitle = clean(crumb.textContent);
  }
  if (facts.dashboardTitle === undefined) {
    const path = doc.location?.pathname ?? '';
    const current = doc.querySelector('nav[aria-label="Breadcrumbs"] [aria-current="page"]');
    if (/\/d\/[^/]+/.test(path) && current !== null) facts.dashboardTitle = clean(current.textContent);
  }
  if (facts.dashboardTitle === undefined) {
    // "<dashboard> - Dashboards - Grafana" (10+), "<dashboard> - Grafana" (older).
    const title = clean(doc.title);
    const match = title === undefined ? null : /^(.*?)(?: - Dashboards)? - Grafana$/.exec(title);
    if (match !== null) facts.dashboardTitle = clean(match[1]);
  }
  return facts;
}

/**
 * Kibana's time picker, for when `state:storeInSessionStorage` leaves only `_g=h@…` in the URL.
 * Reads the EuiSuperDatePicker buttons (`superDatePickerstartDatePopoverButton`,
 * `superDatePickerendDatePopoverButton`, `superDatePickerShowDatesButton`), the query bar's
 * `data-shared-timefilter-duration`, and the newer `dateRangePickerControlButton`.
 */
export function extractKibanaPage(doc: Document = document): KibanaPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const subject = (name: string) => doc.querySelector(`[data-test-subj="${name}"]`);

  const facts: KibanaPageFacts = {};
  const start = clean(subject('superDatePickerstartDatePopoverButton')?.textContent);
  const end = clean(subject('superDatePickerendDatePopoverButton')?.textContent);
  if (start !== undefined) facts.start = start;
  if (end !== undefined) facts.end = end;
  // The collapsed picker's button also holds a "Show dates" link; its label is the rest.
  const showDates = subject('superDatePickerShowDatesButton');
  if (showDates !== null) {
    let label = '';
    showDates.childNodes.forEach((child) => {
      if (child.nodeType === 1 && (child as Element).classList.contains('euiSuperDatePicker__prettyFormatLink')) return;
      label += child.textContent ?? '';
    });
    const pretty = clean(label);
    if (pretty !== undefined) facts.prettyRange = pretty;
  }
  const shared = clean(doc.querySelector('[data-shared-timefilter-duration]')?.getAttribute('data-shared-timefilter-duration'));
  if (shared !== undefined) facts.sharedDuration = shared;
  const control = subject('dateRangePickerControlButton');
  const dateRange = clean(control?.getAttribute('data-date-range'));
  if (dateRange !== undefined) facts.dateRange = dateRange;
  if (facts.prettyRange === undefined) {
    const label = clean(control?.getAttribute('value') ?? control?.textContent);
    if (label !== undefined) facts.prettyRange = label;
  }
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (typeof zone === 'string' && zone !== '') facts.timeZone = zone;
  } catch {
    // A page without Intl zone data: the caller falls back to UTC.
  }
  const title = clean(doc.title);
  if (title !== undefined) facts.title = title;
  return facts;
}

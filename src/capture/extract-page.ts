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

/**
 * What a page about one thing (an alert, a ticket, a code change) shows beyond its URL, read by
 * the per-tool functions below. Each reads only its tool's own markup and says nothing rather than
 * guess.
 */
export interface RefPageFacts {
  /** The alert's title, the ticket's subject, the commit's (or pull request's) subject. */
  title?: string;
  /** The service the alert is about. */
  service?: string;
  /** When the alert was triggered, as the page's machine-readable time gives it. */
  alertedAt?: string;
}

/**
 * A PagerDuty incident page: the header's title (`h1` with the CSS-module class
 * `IncidentTitle_incidentTitle__…`), the service (`ServicePopover_serviceName…`), and the first
 * `<time datetime>` in the header (`data-testid="incidentHeader"`). Class names carry a build hash
 * after the prefix, so they are matched by prefix.
 */
export function extractPagerDutyPage(doc: Document = document): RefPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const facts: RefPageFacts = {};
  const header = doc.querySelector('[data-testid="incidentHeader"]');
  const title = clean(doc.querySelector('h1[class*="IncidentTitle_incidentTitle"]')?.textContent ?? header?.querySelector('h1')?.textContent);
  if (title !== undefined) facts.title = title;
  const service = clean(doc.querySelector('[class*="ServicePopover_serviceName"]')?.textContent);
  if (service !== undefined) facts.service = service;
  const alertedAt = clean(header?.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (alertedAt !== undefined) facts.alertedAt = alertedAt;
  return facts;
}

/**
 * An Opsgenie alert (or Jira Service Management Operations alert) page. Opsgenie publishes no
 * markup contract, so this reads only what any rendering of its alert has: the page's main
 * heading (the alert's message, shown after its `#<tinyId>`), fields labelled "Service" (or
 * "Services", "Impacted services", "Affected services"; else "Entity", the alert field that
 * names what it is about), and a `<time datetime>` beside a "Created" label.
 */
export function extractOpsgeniePage(doc: Document = document): RefPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  // The element that follows a label whose own text is `name` (dt → dd, th → td, span → span).
  const labelled = (names: string[]): Element | undefined => {
    const wanted = names.map((n) => n.toLowerCase());
    for (const label of Array.from(doc.querySelectorAll('dt, th, label, span, div'))) {
      if (label.children.length > 0) continue;
      const text = (label.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/:$/, '').toLowerCase();
      if (!wanted.includes(text)) continue;
      const value = label.nextElementSibling ?? label.parentElement?.nextElementSibling;
      if (value !== null && value !== undefined) return value;
    }
    return undefined;
  };
  const facts: RefPageFacts = {};
  const heading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const title = clean(heading?.textContent?.replace(/^\s*#\d+\s*:?\s*/, ''));
  if (title !== undefined) facts.title = title;
  const service = clean(labelled(['service', 'services', 'impacted services', 'affected services'])?.textContent) ?? clean(labelled(['entity'])?.textContent);
  if (service !== undefined) facts.service = service;
  const created = labelled(['created', 'created at']);
  const alertedAt = clean((created?.matches('time[datetime]') ? created : created?.querySelector('time[datetime]'))?.getAttribute('datetime'));
  if (alertedAt !== undefined) facts.alertedAt = alertedAt;
  return facts;
}

/**
 * A Jira issue's summary: Jira Cloud's `data-testid="issue.views.issue-base.foundation.summary.
 * heading"` (also in a board's side panel), Server and Data Center's `#summary-val`, else the
 * page title Jira writes, `[ACME-123] Summary - Jira`.
 */
export function extractJiraPage(doc: Document = document): RefPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const heading = doc.querySelector(
    '[data-testid="issue.views.issue-base.foundation.summary.heading"], [data-test-id="issue.views.issue-base.foundation.summary.heading"], #summary-val',
  );
  const fromTitle = /^\[[A-Z][A-Z0-9_]+-\d+\]\s+(.+?)\s+-\s+[^-]+$/.exec(clean(doc.title) ?? '');
  const title = clean(heading?.textContent) ?? clean(fromTitle?.[1]);
  return title === undefined ? {} : { title };
}

/**
 * A Zendesk ticket's subject in the Agent Workspace, for the ticket the address names: several
 * tickets stay open in tabs, so the subject is taken from that ticket's pane
 * (`data-side-conversations-anchor-id="<id>"`, its `Subject` field), else the active pane's
 * `data-test-id="omni-header-subject"`, else the only subject field on the page.
 */
export function extractZendeskPage(doc: Document = document): RefPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const valueOf = (element: Element | null | undefined): string | undefined => {
    if (element === null || element === undefined) return undefined;
    const field = element as HTMLInputElement;
    return clean(typeof field.value === 'string' ? field.value : element.textContent) ?? clean(element.getAttribute('value'));
  };
  const where = `${doc.location?.pathname ?? ''}${doc.location?.hash ?? ''}`;
  const id = /\/tickets\/(\d+)/.exec(where)?.[1];
  const SUBJECT = '[data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"]';
  const candidates: Array<Element | null | undefined> = [
    id === undefined ? undefined : doc.querySelector(`[data-side-conversations-anchor-id="${id}"] input[aria-label="Subject"]`),
    doc.querySelector(
      '.ticket-panes-grid-layout.active [data-test-id="omni-header-subject"], .ticket-panes-grid-layout.active [data-test-id="ticket-pane-subject"]',
    ),
  ];
  const all = doc.querySelectorAll(SUBJECT);
  if (all.length === 1) candidates.push(all[0]);
  for (const candidate of candidates) {
    const subject = valueOf(candidate);
    if (subject !== undefined) return { title: subject };
  }
  return {};
}

/**
 * A GitHub commit's subject, or a pull request's title. Commits: the React commit page's message
 * container (CSS-module class `CommitHeader-module__commitMessageContainer…`, its first child the
 * subject), the classic page's `.commit-title`, else the page title GitHub writes,
 * `Subject · owner/repo@abc1234 · GitHub`. Pull requests: `data-testid="issue-title"` or the
 * classic `.js-issue-title`, else `Title by user · Pull Request #412 · owner/repo · GitHub`.
 */
export function extractGitHubPage(doc: Document = document): RefPageFacts {
  const MAX = 500;
  const clean = (text: string | null | undefined): string | undefined => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? undefined : value.slice(0, MAX);
  };
  const path = doc.location?.pathname ?? '';
  const pageTitle = clean(doc.title) ?? '';
  let title: string | undefined;
  if (/\/commits?\/[0-9a-f]{7,64}(?:\/|$)/i.test(path)) {
    const container = doc.querySelector('[class*="CommitHeader-module__commitMessageContainer"]');
    title =
      clean(container?.firstElementChild?.textContent) ??
      clean(doc.querySelector('.commit-title.markdown-title, .commit-title')?.textContent) ??
      clean(/^(.+?) · \S+@[0-9a-f]{7,64} · GitHub(?: Enterprise)?$/.exec(pageTitle)?.[1]);
  } else if (/\/pull\/\d+/.test(path)) {
    title =
      clean(doc.querySelector('[data-testid="issue-title"], .js-issue-title')?.textContent) ??
      clean(/^(.+?) by \S+ · Pull Request #\d+ · /.exec(pageTitle)?.[1]);
  }
  return title === undefined ? {} : { title };
}

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractGrafanaPage, extractKibanaPage } from '../../src/capture/extract-page.ts';
import { kibanaRangeFromPage } from '../../src/capture/page-facts.ts';
import { GrafanaPageFacts, KibanaPageFacts } from '../../src/model/page-facts.ts';

// vitest runs from the repository root; under happy-dom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures/capture', name), 'utf8');

/** Replaces the test document with a saved page, parsed as the browser would. */
function loadPage(name: string, path = '/'): void {
  const parsed = new DOMParser().parseFromString(fixture(name), 'text/html');
  document.head.replaceWith(document.adoptNode(parsed.head));
  document.body.replaceWith(document.adoptNode(parsed.body));
  history.replaceState(null, '', path);
}

/** Selects the text of the first element matching `selector`, as a user dragging over it would. */
function selectTextOf(selector: string): void {
  const element = document.querySelector(selector);
  if (element === null) throw new Error(`fixture has no ${selector}`);
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * The function as chrome.scripting.executeScript runs it: rebuilt from its source text alone, so a
 * reference to anything outside its body (an import, a module helper) fails here as it would in
 * the page.
 */
function asInjected<T extends (...args: never[]) => unknown>(fn: T): T {
  return new Function(`return (${fn.toString()})`)() as T;
}

beforeEach(() => {
  document.getSelection()?.removeAllRanges();
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractGrafanaPage', () => {
  it.each([
    { selector: '[aria-label="VizLegend series payments-worker"] button', panelTitle: 'Request rate' },
    { selector: '#panel-content-4 tbody tr td', panelTitle: '5xx errors by route' },
    { selector: '[data-testid="data-testid Panel header 5xx errors by route"] h6', panelTitle: '5xx errors by route' },
  ])('finds the Grafana 10 panel around a selection in $selector', ({ selector, panelTitle }) => {
    loadPage('grafana-dashboard.html', '/d/f8d2e6/payments-overview');
    selectTextOf(selector);
    const facts = asInjected(extractGrafanaPage)();
    expect(facts).toEqual({ panelTitle, dashboardTitle: 'Payments overview' });
    expect(GrafanaPageFacts.parse(facts)).toEqual(facts);
  });

  it('names no panel when the selection is outside every panel and several are shown', () => {
    loadPage('grafana-dashboard.html', '/d/f8d2e6/payments-overview');
    selectTextOf('[data-testid="data-testid TimePicker Open Button"]');
    expect(asInjected(extractGrafanaPage)()).toEqual({ dashboardTitle: 'Payments overview' });
  });

  it('finds the panel through its container in Grafana 9, and the title from the page title', () => {
    loadPage('grafana-9-dashboard.html', '/d/k1/checkout-slos');
    selectTextOf('.singlestat-panel-value');
    expect(asInjected(extractGrafanaPage)()).toEqual({ panelTitle: 'Error budget burn', dashboardTitle: 'Checkout SLOs' });
  });

  it('names the only panel of a single-panel view with nothing selected', () => {
    loadPage('grafana-9-dashboard.html', '/d/k1/checkout-slos');
    document.querySelector('[data-panelid="8"]')?.remove();
    expect(asInjected(extractGrafanaPage)().panelTitle).toBe('Error budget burn');
  });

  it('takes the dashboard from the breadcrumb that links to it when a panel is viewed', () => {
    loadPage('grafana-dashboard.html', '/d/f8d2e6/payments-overview');
    const current = document.querySelector('[aria-current="page"]');
    const link = document.createElement('a');
    link.setAttribute('href', '/d/f8d2e6/payments-overview?orgId=1');
    link.textContent = 'Payments overview';
    current?.replaceWith(link);
    const view = document.createElement('span');
    view.setAttribute('aria-current', 'page');
    view.textContent = 'View panel';
    document.querySelector('nav[aria-label="Breadcrumbs"] ol')?.append(view);
    expect(asInjected(extractGrafanaPage)().dashboardTitle).toBe('Payments overview');
  });
});

describe('extractKibanaPage', () => {
  it('reads the dates a hashed Discover page shows', () => {
    loadPage('kibana-discover-hashed.html');
    const facts = asInjected(extractKibanaPage)();
    expect(facts).toMatchObject({
      start: 'Sep 19, 2015 @ 06:31:44.000',
      end: 'Sep 23, 2015 @ 18:31:44.000',
      sharedDuration: 'Sep 19, 2015 @ 06:31:44.000 to Sep 23, 2015 @ 18:31:44.000',
      title: 'Discover - Elastic',
    });
    expect(typeof facts.timeZone).toBe('string');
    expect(KibanaPageFacts.parse(facts)).toEqual(facts);
  });

  it('reads the collapsed picker’s label without its "Show dates" link', () => {
    loadPage('kibana-dashboard-relative.html');
    const facts = asInjected(extractKibanaPage)();
    expect(facts.prettyRange).toBe('Last 15 minutes');
    expect(facts.start).toBeUndefined();
  });
});

describe('kibanaRangeFromPage', () => {
  const NOW = new Date('2026-11-28T09:10:00.000Z');

  it.each([
    {
      name: 'the resolved duration, in the page’s zone (Kibana tests run with dateFormat:tz UTC)',
      facts: { sharedDuration: 'Sep 19, 2015 @ 06:31:44.000 to Sep 23, 2015 @ 18:31:44.000', timeZone: 'UTC' },
      range: { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z', relative: false },
    },
    {
      name: 'the same text in Berlin, two hours ahead in September',
      facts: { start: 'Sep 19, 2015 @ 06:31:44.000', end: 'Sep 23, 2015 @ 18:31:44.000', timeZone: 'Europe/Berlin' },
      range: { from: '2015-09-19T04:31:44.000Z', to: '2015-09-23T16:31:44.000Z', relative: false },
    },
    {
      name: 'an absolute start and "now"',
      facts: { start: 'Nov 28, 2026 @ 08:00:00.000', end: 'now', timeZone: 'UTC' },
      range: { from: '2026-11-28T08:00:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      name: 'a relative label (EUI commonly used range)',
      facts: { prettyRange: 'Last 15 minutes' },
      range: { from: '2026-11-28T08:55:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      name: '"Today" in New York',
      facts: { prettyRange: 'Today', timeZone: 'America/New_York' },
      range: { from: '2026-11-28T05:00:00.000Z', to: '2026-11-29T04:59:59.999Z', relative: true },
    },
    {
      name: 'a resolved duration with the label saying it moves with the clock',
      facts: { prettyRange: 'Last 1 hour', sharedDuration: 'Nov 28, 2026 @ 08:10:00.000 to Nov 28, 2026 @ 09:10:00.000', timeZone: 'UTC' },
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
  ])('$name', ({ facts, range }) => {
    expect(kibanaRangeFromPage(KibanaPageFacts.parse(facts), NOW)).toEqual(range);
  });

  it.each([
    { start: '~ 15 minutes ago', end: 'now' }, // EUI's approximate label is no instant
    { prettyRange: 'Show dates' },
    {},
  ])('has no range from %j', (facts) => {
    expect(kibanaRangeFromPage(facts, NOW)).toBeUndefined();
  });

  it('rejects page text too long to be a picker label', () => {
    expect(() => KibanaPageFacts.parse({ prettyRange: 'x'.repeat(501) })).toThrow();
  });
});

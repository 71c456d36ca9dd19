// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { PAGE_CSP, PAGE_SCRIPT, PAGE_STYLE } from '../../../src/feed/build/page-assets';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import { fileBody, makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, sampleLog, SITE, uuid } from './site-fixtures';

const parse = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');
const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map(text);
/** A row's cells (name, status), as a reader hears them. */
const rows = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((li) => [...li.children].map(text).join(' '));

const HOSTILE = {
  page: 'Acme <script>alert(1)</script>',
  component: '"onload="alert(1)',
  description: '<img src=x onerror=alert(1)>',
  group: '</h3><script>alert(2)</script>',
  title: '<script>alert("title")</script> & "quotes"',
  body: 'javascript:alert(1) and <a href="javascript:alert(2)">click</a> and data:text/html,<b>x</b> and https://ok.example/path',
  maintenance: ']]><iframe src=javascript:alert(3)>',
};

function hostileLog(): IncidentLog {
  const incident = makeIncident(100, { publicTitle: HOSTILE.title });
  return {
    components: [makeComponent(1, { name: HOSTILE.component, description: HOSTILE.description, group: HOSTILE.group })],
    incidents: [incident],
    updates: [makeUpdate(incident.id, { body: HOSTILE.body, components: [{ componentId: uuid(1), name: 'x', from: 'operational', to: 'major_outage' }] })],
    maintenances: [makeMaintenance(200, { title: HOSTILE.maintenance, body: HOSTILE.body, componentIds: [uuid(1)] })],
  };
}

describe('every page renders published text as text', () => {
  const { files } = buildSite(selectPublic(hostileLog(), { ...SITE, settings: { ...SITE.settings, name: HOSTILE.page } }, NOW));
  const pages = files.filter((f) => f.path.endsWith('.html'));

  it.each(pages.map((f) => [f.path, f.body]))('%s has no script, handler, frame or unsafe link of its own', (path, body) => {
    const doc = parse(body);
    const scripts = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? s.textContent);
    expect(scripts).toEqual(path === 'index.html' ? [PAGE_SCRIPT, 'sitrep-status.js'] : [PAGE_SCRIPT]);
    const handlers = [...doc.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith('on')));
    expect(handlers).toEqual([]);
    expect(doc.querySelectorAll('img, iframe, object, embed, base, form, meta[http-equiv="refresh"]')).toHaveLength(0);
    for (const a of doc.querySelectorAll('a[href]')) {
      expect(new URL(a.getAttribute('href')!, 'https://status.acme.example/incidents/x.html').protocol).toMatch(/^https?:$/);
    }
    // The hostile text is there, as text.
    expect(doc.body.textContent).toContain(HOSTILE.page);
    expect(doc.body.textContent).toContain(HOSTILE.body);
  });

  it('makes only the http(s) URL in an update a link', () => {
    const doc = parse(fileBody(files, `incidents/${uuid(100)}.html`));
    const links = [...doc.querySelectorAll('.body a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://ok.example/path']);
    expect(doc.querySelector('h1')!.textContent).toBe(HOSTILE.title);
  });

  it('keeps hostile names whole in headings, bars and titles', () => {
    const doc = parse(fileBody(files, 'index.html'));
    expect(doc.querySelector('h1')!.textContent).toBe(HOSTILE.page);
    expect(doc.title).toBe(`${HOSTILE.page} status: Partial System Outage`);
    expect(texts(doc, 'section[aria-labelledby="uptime"] h3')).toContain(HOSTILE.group);
    expect(doc.querySelector('.bars')!.getAttribute('aria-label')).toBe(`${HOSTILE.component}: status by UTC day, last 90 days`);
  });
});

describe('index.html', () => {
  const { files } = buildSite(selectPublic(sampleLog(), SITE, NOW));
  const doc = parse(fileBody(files, 'index.html'));

  it('carries the strict CSP, its one style and script, and announces both feeds', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(PAGE_CSP);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')!.textContent).toBe(PAGE_STYLE);
    expect([...doc.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')])).toEqual([
      ['application/atom+xml', 'history.atom'],
      ['application/rss+xml', 'history.rss'],
    ]);
  });

  it('has landmarks and a heading outline', () => {
    expect(doc.querySelectorAll('body > header, body > main, body > footer')).toHaveLength(3);
    expect(texts(doc, 'h1')).toEqual(['Acme']);
    expect(texts(doc, 'h2')).toEqual(['Current status', 'Open incidents', 'Maintenance', 'Components', 'Uptime over the last 90 days', 'Past incidents']);
  });

  it('puts the current status inside <sitrep-status>, as its no-JavaScript fallback, and loads the element', () => {
    const element = doc.querySelector('sitrep-status')!;
    expect([element.getAttribute('src'), element.getAttribute('history')]).toEqual(['api/v2/summary.json', 'history.atom']);
    expect(element.querySelector('.overall')!.textContent).toBe('Major System Outage');
    expect(texts(element, 'article h3')).toEqual(['API unavailable', 'Web upgrade']);
    expect(rows(element, '.rows li')).toEqual(['API Major outage', 'Web Under maintenance', 'Billing Operational']);
    // Uptime and history stay outside: the element does not render them.
    expect(doc.querySelector('sitrep-status #uptime, sitrep-status #history')).toBeNull();
    expect(doc.querySelector('script[type="module"]')!.getAttribute('src')).toBe('sitrep-status.js');
  });

  it('lists past incidents by UTC day, quiet stretches in one line', () => {
    const history = doc.querySelector('section[aria-labelledby="history"]')!;
    const outline = [...history.children].filter((e) => e.matches('p.meta, .day')).map((e) => (e.matches('.day') ? text(e.querySelector('h3')!) : text(e)));
    expect(outline).toEqual([
      '10 Mar 2026',
      'No incidents reported from 6 Mar 2026 to 9 Mar 2026.',
      '5 Mar 2026',
      'No incidents reported from 11 Dec 2025 to 4 Mar 2026.',
    ]);
    expect(texts(history, 'h4')).toEqual(['Web upgrade', 'API unavailable', 'Checkout errors']);
    expect([...history.querySelectorAll('h4 a')].map((a) => a.getAttribute('href'))).toEqual([
      `incidents/${uuid(200)}.html`,
      `incidents/${uuid(101)}.html`,
      `incidents/${uuid(100)}.html`,
    ]);
  });

  it('writes times in UTC, saying so, as <time> elements the script can rewrite', () => {
    const times = [...doc.querySelectorAll('time[data-local]')];
    expect(times.length).toBeGreaterThan(5);
    for (const t of times) {
      expect(t.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(t.textContent).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/);
    }
    expect(doc.querySelector('time[datetime="2026-03-10T13:10:00.000Z"]')!.textContent).toBe('10 Mar 2026, 13:10 UTC');
    expect(doc.querySelector('#zone')!.textContent).toBe('Times are shown in UTC.');
  });
});

describe('the page script', () => {
  it("rewrites every <time data-local> to the reader's zone and says which, leaving UTC days alone", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const { files } = buildSite(selectPublic(sampleLog(), SITE, NOW));
      const body = fileBody(files, 'index.html');
      document.documentElement.innerHTML = body.slice(body.indexOf('<head>'), body.lastIndexOf('</html>'));
      new Function(PAGE_SCRIPT)();
      const open = document.querySelector('time[datetime="2026-03-10T13:10:00.000Z"]')!;
      expect(open.textContent).toMatch(/^Mar 10, 2026, 0?9:10 (AM )?(EDT|GMT-4)$/);
      expect(document.querySelector('#zone')!.textContent).toBe('Times are shown in your time zone (America/New_York).');
      // Day headings are UTC days: untouched.
      expect(document.querySelector('#day-2026-03-10')!.textContent).toBe('10 Mar 2026');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('incidents/<id>.html', () => {
  const { files } = buildSite(selectPublic(sampleLog(), SITE, NOW));

  it('shows one incident with every update, newest first, its components and a way back', () => {
    const doc = parse(fileBody(files, `incidents/${uuid(100)}.html`));
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(PAGE_CSP);
    expect(texts(doc, 'h1')).toEqual(['Checkout errors']);
    expect(texts(doc, 'section[aria-labelledby="updates"] .update h3')).toEqual([
      'Resolved · 5 Mar 2026, 12:00 UTC',
      'Monitoring · 5 Mar 2026, 11:00 UTC',
      'Investigating · 5 Mar 2026, 10:05 UTC',
    ]);
    expect(texts(doc, '.update ul li')).toEqual(['Billing: Partial outage → Operational', 'Billing: Operational → Partial outage']);
    expect(rows(doc, 'section[aria-labelledby="affected"] li')).toEqual(['Billing Operational']);
    expect(doc.querySelector('header a')!.getAttribute('href')).toBe('../index.html');
    expect([...doc.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('href'))).toEqual(['../history.atom', '../history.rss']);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });

  it('shows a maintenance with its window', () => {
    const doc = parse(fileBody(files, `incidents/${uuid(200)}.html`));
    expect(doc.title).toBe('Maintenance: Web upgrade · Acme status');
    expect(texts(doc, 'header p.meta')).toEqual(['Maintenance In progress · Scheduled 10 Mar 2026, 14:00 UTC until 10 Mar 2026, 16:00 UTC']);
  });
});

describe('<sitrep-status> hides the static fallback once it runs', () => {
  it('renders into a shadow root without a slot, so its light-DOM children are not shown', async () => {
    await import('../../../widget/src/sitrep-status/sitrep-status');
    document.body.innerHTML = '<sitrep-status src="http://[invalid" history="history.atom"><p id="fallback">static status</p></sitrep-status>';
    await new Promise((resolve) => setTimeout(resolve));
    const element = document.querySelector('sitrep-status')!;
    expect(element.shadowRoot!.childElementCount).toBeGreaterThan(0);
    expect(element.shadowRoot!.querySelector('slot')).toBeNull();
    expect(element.querySelector('#fallback')).not.toBeNull();
  });
});

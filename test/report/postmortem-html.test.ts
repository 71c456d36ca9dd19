// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/report/base64';
import { POSTMORTEM_HTML_CSP, buildPostmortemHtml, type EmbeddedImage } from '../../src/report/postmortem-html';
import { makeActionItem, makePostmortem, overnight, overnightEntries } from './postmortem-fixtures';
import { makeEntry, makeIncident, rasterBytes, uuid } from './records';

const NOW = new Date('2026-11-29T09:00:00.000Z');
const webp = bytesToBase64(rasterBytes('image/webp', 300));

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('buildPostmortemHtml', () => {
  const screenshots = new Map<string, EmbeddedImage>([[uuid(800), { type: 'image/webp', data: webp, width: 1280, height: 720 }]]);
  const html = buildPostmortemHtml({
    incident: overnight,
    postmortem: makePostmortem({ sections: { ...makePostmortem().sections, rootCause: 'The canary stage was skipped \\(by config\\).' } }),
    entries: overnightEntries(),
    actionItems: [makeActionItem({ ticketUrl: 'https://jira.example.com/browse/OPS-7' })],
    screenshots,
    now: NOW,
  });
  const doc = parse(html);

  it('embeds the screenshot as a data: URL, with a caption', () => {
    const images = [...doc.querySelectorAll('img')];
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe(`data:image/webp;base64,${webp}`);
    expect(images[0]!.getAttribute('alt')).toBe('Screenshot 1, taken with the entry at 23:20 UTC');
    expect(images[0]!.getAttribute('width')).toBe('1280');
  });

  it('is self-contained and runs nothing: a strict CSP, no script, nothing fetched', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe(POSTMORTEM_HTML_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(doc.querySelectorAll('script, link, iframe, object, embed, base, form')).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc="(?!data:image\/webp;base64,)/);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
  });

  it('has the same headings as the Markdown, and dates for a multi-day timeline', () => {
    expect([...doc.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName} ${h.textContent}`)).toEqual([
      'H1 Post-mortem: INC-1 — Checkout errors after deploy',
      'H2 Summary',
      'H2 Impact',
      'H2 Root Cause',
      'H2 Trigger and Detection',
      'H3 Trigger',
      'H3 Detection',
      'H2 Resolution',
      'H2 Timeline',
      'H3 2026-11-28',
      'H3 2026-11-29',
      'H2 Action Items',
      'H2 Lessons Learned',
      'H3 What went well',
      'H3 What went wrong',
      'H3 Where we got lucky',
    ]);
    expect(doc.querySelector('dl')?.textContent).toContain('Duration2 h 20 min');
  });

  it('shows sections as written, Markdown escapes taken off, and links only to http(s)', () => {
    expect(doc.body.textContent).toContain('The canary stage was skipped (by config).');
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://acme.pagerduty.com/incidents/PT4KHLK',
      'https://grafana.example.com/d/abc?from=1764367200000&to=1764370800000',
      'https://jira.example.com/browse/OPS-7',
    ]);
  });

  it('keeps hostile text as text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\' &amp;';
    const page = buildPostmortemHtml({
      incident: makeIncident({ title: hostile }),
      postmortem: makePostmortem({ authors: [hostile], sections: { ...makePostmortem().sections, summary: hostile } }),
      entries: [makeEntry({ text: `\u202Egnp.exe ${hostile}`, starred: true, sourceUrl: 'https://example.com/"><script>x</script>' })],
      actionItems: [makeActionItem({ text: hostile, owner: hostile })],
      screenshots: new Map(),
      now: NOW,
    });
    const parsed = parse(page);
    expect(parsed.querySelectorAll('script, img')).toHaveLength(0);
    expect(parsed.title).toBe(`Post-mortem: INC-1 — ${hostile}`);
    // Title (heading and header), author, summary, entry, action item and its owner: each shows the words themselves.
    expect(parsed.body.textContent!.split(hostile).length - 1).toBe(7);
    expect(parsed.body.textContent).not.toContain('\u202E');
    expect(parsed.querySelector('a')?.getAttribute('href')).toBe('https://example.com/%22%3E%3Cscript%3Ex%3C/script%3E');
  });

  it.each([
    ['missing', undefined],
    ['an SVG (a document, not a picture)', { type: 'image/svg+xml', data: btoa('<svg onload="alert(1)"/>') }],
    ['not base64', { type: 'image/png', data: 'not base64!' }],
  ])('names a screenshot that is %s instead of embedding it', (_name, image) => {
    const shots = new Map<string, EmbeddedImage>(image ? [[uuid(800), image]] : []);
    const page = parse(
      buildPostmortemHtml({ incident: overnight, postmortem: makePostmortem(), entries: overnightEntries(), actionItems: [], screenshots: shots, now: NOW }),
    );
    expect(page.querySelectorAll('img')).toHaveLength(0);
    expect(page.querySelector('figcaption')?.textContent).toBe(`Screenshot 1, taken with the entry at 23:20 UTC: not available (screenshot-${uuid(800)})`);
  });
});

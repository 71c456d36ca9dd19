import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Markup, textWithLinks } from '../../../src/feed/build/html';

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onload="alert(1)', '&quot; onload=&quot;alert(1)'],
    ["' onfocus='x", '&#39; onfocus=&#39;x'],
    ['a & b &amp; c', 'a &amp; b &amp;amp; c'],
    ['</style><img src=x onerror=alert(1)>', '&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['<!-- ]]> -->', '&lt;!-- ]]&gt; --&gt;'],
    ['', ''],
  ])('escapes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it('escapes the same way on every call (no regex state carried over)', () => {
    expect([escapeHtml('<a>'), escapeHtml('<a>'), escapeHtml('x'), escapeHtml('<a>')]).toEqual(['&lt;a&gt;', '&lt;a&gt;', 'x', '&lt;a&gt;']);
  });
});

describe('html', () => {
  it('escapes every value, and only markup it built goes in as it is', () => {
    const name = '<b onclick="x">';
    expect(html`<p title="${name}">${name}${html`<i>${name}</i>`}${[name, html`<br>`]}${0}${false}${undefined}</p>`.value).toBe(
      '<p title="&lt;b onclick=&quot;x&quot;&gt;">&lt;b onclick=&quot;x&quot;&gt;<i>&lt;b onclick=&quot;x&quot;&gt;</i>&lt;b onclick=&quot;x&quot;&gt;<br>0</p>',
    );
  });

  it('never lets a look-alike object in as markup', () => {
    const fake = { value: '<script>', toString: () => '<script>' } as unknown as Markup;
    expect(html`${fake}`.value).toBe('');
    expect(html`${new Markup('<br>')}`.value).toBe('<br>');
  });
});

describe('textWithLinks', () => {
  it.each([
    ['no link at all', 'no link at all'],
    ['see https://status.example.com/faq.', 'see <a href="https://status.example.com/faq" rel="nofollow noopener">https://status.example.com/faq</a>.'],
    ['(http://example.com/a?b=1&c=2)', '(<a href="http://example.com/a?b=1&amp;c=2" rel="nofollow noopener">http://example.com/a?b=1&amp;c=2</a>)'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    // Only the http(s) URL inside becomes a link; the javascript: around it stays text.
    ['JavaScript:alert(document.cookie)//https://x', 'JavaScript:alert(document.cookie)//<a href="https://x/" rel="nofollow noopener">https://x</a>'],
    ['data:text/html,<script>alert(1)</script>', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<a href="javascript:alert(1)">click</a>', '&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;'],
    ['https://user:secret@example.com/', 'https://user:secret@example.com/'],
    [
      'https://example.com/"onmouseover="alert(1)',
      '<a href="https://example.com/" rel="nofollow noopener">https://example.com/</a>&quot;onmouseover=&quot;alert(1)',
    ],
    ['https://example.com/<script>', '<a href="https://example.com/" rel="nofollow noopener">https://example.com/</a>&lt;script&gt;'],
    [
      'two: https://a.example and https://b.example!',
      'two: <a href="https://a.example/" rel="nofollow noopener">https://a.example</a> and <a href="https://b.example/" rel="nofollow noopener">https://b.example</a>!',
    ],
  ])('%j', (text, expected) => {
    expect(textWithLinks(text).value).toBe(expected);
  });
});

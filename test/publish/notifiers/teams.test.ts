import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeCardText, teamsMessage, type TeamsMessage } from '../../../src/publish/notifiers/teams';
import { HOSTILE_TEXTS, cardPayments, notification } from './notifications';

// Expected bodies are written by hand from Microsoft's documentation, field for field:
// - webhook body `{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] }`:
//   https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook
// - the card (`$schema`, `type: 'AdaptiveCard'`, `version`, `body`, `actions`): https://adaptivecards.io/explorer/AdaptiveCard.html
// - TextBlock (`text`, `wrap`, `size`, `weight`, `isSubtle`): https://adaptivecards.io/explorer/TextBlock.html
// - FactSet (`facts: [{ title, value }]`): https://adaptivecards.io/explorer/FactSet.html
// - Action.OpenUrl (`title`, `url`): https://adaptivecards.io/explorer/Action.OpenUrl.html
// - Markdown in TextBlock and Fact text, newlines as `\n\n`, 28 KB limit:
//   https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format

const heading = { type: 'TextBlock', text: 'INC-7 · Card payments failing', size: 'Large', weight: 'Bolder', wrap: true };
const facts = {
  type: 'FactSet',
  facts: [
    { title: 'Status', value: 'Identified' },
    { title: 'Severity', value: 'SEV1' },
  ],
};
const message = { type: 'TextBlock', text: 'Card payments fail for about 30% of customers.\n\nWe found the cause and are rolling back.', wrap: true };
const posted = { type: 'TextBlock', text: 'Posted 2026-11-28 09:30 UTC', size: 'Small', isSubtle: true, wrap: true };
const statusPage = { type: 'Action.OpenUrl', title: 'Status page', url: 'https://status.example.com/incidents/inc-7.html' };
const timeline = { type: 'Action.OpenUrl', title: 'Internal timeline', url: 'https://sitrep.example.com/timeline/inc-7' };

function card(body: unknown[], actions?: unknown[]) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(actions && { actions }),
        },
      },
    ],
  };
}

describe('teamsMessage', () => {
  it.each([
    ['internal: the status page and the internal timeline', cardPayments, 'internal', card([heading, facts, message, posted], [statusPage, timeline])],
    ['public: never the internal timeline', cardPayments, 'public', card([heading, facts, message, posted], [statusPage])],
    [
      'links that are not http(s) become no button, and no actions',
      notification({ statusPageUrl: 'javascript:alert(1)', timelineUrl: 'ftp://x.example/' }),
      'internal',
      card([heading, facts, message, posted]),
    ],
    [
      'a resolved SEV3 without a status page',
      notification({ publicTitle: 'Search slow', severity: 'SEV3', status: 'resolved', message: 'Search is fast again', statusPageUrl: undefined }),
      'public',
      card([
        { ...heading, text: 'INC-7 · Search slow' },
        {
          ...facts,
          facts: [
            { title: 'Status', value: 'Resolved' },
            { title: 'Severity', value: 'SEV3' },
          ],
        },
        { ...message, text: 'Search is fast again' },
        posted,
      ]),
    ],
  ] as const)('%s', (_name, n, audience, expected) => {
    expect(teamsMessage(n, audience)).toEqual(expected);
  });

  it('stays well under Teams’ 28 KB webhook limit for the longest message, even in emoji', () => {
    for (const text of ['*'.repeat(25_000), '🔥'.repeat(12_500), 'Everything is slow.\n'.repeat(1250)]) {
      const body = JSON.stringify(teamsMessage(notification({ message: text, publicTitle: '_'.repeat(500) }), 'internal'));
      expect(new TextEncoder().encode(body).length).toBeLessThan(28 * 1024);
      expect(body).toContain('(continued on the status page)');
    }
  });
});

/**
 * What a CommonMark renderer makes of card text, with everything on that Teams' subset lacks
 * (HTML, bare-URL links) turned on: the worst case. markdown-it is independent of our escaping.
 */
const renderer = new MarkdownIt({ html: true, linkify: true });

/** The rendered text, or the markup it made that is not text (a link that hides its address, emphasis, HTML…). */
function asRendered(markdown: string): { text: string; markup: string[] } {
  const html = renderer.render(markdown);
  const markup: string[] = [];
  // A bare address shown as itself is honest, and only http(s) ones are linked: allowed.
  const withoutHonestLinks = html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (whole, href: string, label: string) => {
    const shown = decodeEntities(label);
    if (!/^https?:\/\//.test(href) || decodeURI(decodeEntities(href)) !== decodeURI(shown)) markup.push(whole);
    return label;
  });
  for (const tag of withoutHonestLinks.match(/<(?!\/?p>|br>|br \/>)[^>]*>/g) ?? []) markup.push(tag);
  const text = decodeEntities(withoutHonestLinks.replace(/<[^>]*>/g, ' '));
  return { text: text.replace(/\s+/g, ' ').trim(), markup };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function cardTexts(m: TeamsMessage): string[] {
  const content = m.attachments[0]!.content;
  return content.body.flatMap((el) => (el.type === 'TextBlock' ? [el.text] : el.facts.flatMap((f) => [f.title, f.value])));
}

describe('hostile incident text stays text in Teams', () => {
  it.each(HOSTILE_TEXTS)('%s', (hostile) => {
    const m = teamsMessage(notification({ publicTitle: hostile, message: hostile, status: hostile }), 'internal');
    for (const text of cardTexts(m)) expect(asRendered(text).markup).toEqual([]);
    const [title, , messageText] = m.attachments[0]!.content.body as { text: string }[];
    expect(asRendered(title!.text).text).toBe(`INC-7 · ${hostile}`.replace(/\s+/g, ' '));
    expect(asRendered(messageText!.text).text).toBe(hostile.replace(/\s+/g, ' '));
    expect(m.attachments[0]!.content.actions?.map((a) => a.url)).toEqual([cardPayments.statusPageUrl, cardPayments.timelineUrl]);
  });

  it.each([
    ['[login](https://evil.example)', '\\[login\\](https://evil.example)'],
    ['](javascript:alert(1))', '\\](javascript:alert(1))'],
    ['**bold** _it_ ~s~ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\~s\\~ \\`code\\`'],
    ['<at>Adele</at>', '\\<at\\>Adele\\</at\\>'],
    ['- not a list', '\\- not a list'],
    ['2. not a list', '2\\. not a list'],
    ['# not a heading', '\\# not a heading'],
    ['&lt;b&gt; & AT&T', '\\&lt;b\\&gt; & AT&T'],
    ['C:\\temp', 'C:\\\\temp'],
    ['Card payments failing', 'Card payments failing'],
  ])('escapeCardText(%j) is %j', (line, escaped) => {
    expect(escapeCardText(line)).toBe(escaped);
    expect(asRendered(escaped).text).toBe(line);
  });
});

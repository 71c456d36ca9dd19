import { describe, expect, it } from 'vitest';
import { escapeSlack, slackMessage, type SlackMessage } from '../../../src/publish/notifiers/slack';
import { CARD_PAYMENTS_AT, HOSTILE_TEXTS, cardPayments, notification } from './notifications';

// Expected payloads are written by hand from Slack's documentation, field for field:
// - incoming webhook body `{ text, blocks }`: https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
// - header block (`text`: a plain_text object, ≤ 150 characters): https://docs.slack.dev/reference/block-kit/blocks/header-block
// - section block (`text` ≤ 3000, `fields` ≤ 10 items of ≤ 2000): https://docs.slack.dev/reference/block-kit/blocks/section-block
// - context block (`elements` ≤ 10): https://docs.slack.dev/reference/block-kit/blocks/context-block
// - actions block (`elements` ≤ 25): https://docs.slack.dev/reference/block-kit/blocks/actions-block
// - button (`text` plain_text ≤ 75, `url` ≤ 3000, `action_id` ≤ 255): https://docs.slack.dev/reference/block-kit/block-elements/button-element
// - text object (`plain_text` | `mrkdwn`, 1–3000 characters): https://docs.slack.dev/reference/block-kit/composition-objects/text-object
// - date token `<!date^unix^{tokens}|fallback>` and escaping `&` `<` `>`: https://docs.slack.dev/messaging/formatting-message-text

const statusButton = {
  type: 'button',
  text: { type: 'plain_text', text: 'Status page' },
  url: 'https://status.example.com/incidents/inc-7.html',
  action_id: 'sitrep_status_page',
};
const timelineButton = {
  type: 'button',
  text: { type: 'plain_text', text: 'Internal timeline' },
  url: 'https://sitrep.example.com/timeline/inc-7',
  action_id: 'sitrep_timeline',
};
const head = [
  { type: 'header', text: { type: 'plain_text', text: 'INC-7 · Card payments failing' } },
  {
    type: 'section',
    fields: [
      { type: 'plain_text', text: 'Status: Identified' },
      { type: 'plain_text', text: 'Severity: SEV1' },
    ],
  },
  { type: 'section', text: { type: 'plain_text', text: 'Card payments fail for about 30% of customers.\nWe found the cause and are rolling back.' } },
  { type: 'context', elements: [{ type: 'mrkdwn', text: `Posted <!date^${CARD_PAYMENTS_AT}^{date_short_pretty} at {time}|2026-11-28 09:30 UTC>` }] },
];

describe('slackMessage', () => {
  it.each([
    ['internal: the status page and the internal timeline', cardPayments, 'internal', [...head, { type: 'actions', elements: [statusButton, timelineButton] }]],
    ['public: never the internal timeline', cardPayments, 'public', [...head, { type: 'actions', elements: [statusButton] }]],
    ['internal without a status page', notification({ statusPageUrl: undefined }), 'internal', [...head, { type: 'actions', elements: [timelineButton] }]],
    [
      'links that are not http(s) become no button, and no empty actions block',
      notification({ statusPageUrl: 'javascript:alert(1)', timelineUrl: 'data:text/html,<script>alert(1)</script>' }),
      'internal',
      head,
    ],
  ] as const)('%s', (_name, n, audience, blocks) => {
    expect(slackMessage(n, audience)).toEqual({ text: '[INC-7] Identified: Card payments failing', blocks });
  });

  it('writes a resolved SEV3 with an ampersand as typed in plain_text and escaped in the fallback', () => {
    const message = slackMessage(
      notification({
        incidentKey: 'INC-9',
        publicTitle: 'Search & filters slow',
        severity: 'SEV3',
        status: 'resolved',
        message: 'Fixed: Q&A is fast again.',
        statusPageUrl: undefined,
      }),
      'public',
    );
    expect(message).toEqual({
      text: '[INC-9] Resolved: Search &amp; filters slow',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'INC-9 · Search & filters slow' } },
        {
          type: 'section',
          fields: [
            { type: 'plain_text', text: 'Status: Resolved' },
            { type: 'plain_text', text: 'Severity: SEV3' },
          ],
        },
        { type: 'section', text: { type: 'plain_text', text: 'Fixed: Q&A is fast again.' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `Posted <!date^${CARD_PAYMENTS_AT}^{date_short_pretty} at {time}|2026-11-28 09:30 UTC>` }] },
      ],
    });
  });

  it('keeps within Slack’s documented limits when the title and the message are very long', () => {
    const message = slackMessage(notification({ publicTitle: 'Checkout '.repeat(60), message: 'Everything is slow. '.repeat(1250) }), 'internal');
    expect(violations(message)).toEqual([]);
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    const body = message.blocks[2] as { text: { text: string } };
    expect(body.text.text.length).toBeLessThanOrEqual(3000);
    expect(body.text.text.endsWith('… (continued on the status page)')).toBe(true);
  });

  it('never cuts an emoji in half at a limit', () => {
    const message = slackMessage(notification({ publicTitle: '🔥'.repeat(200) }), 'public');
    const header = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.isWellFormed()).toBe(true);
  });
});

describe('hostile incident text stays text in Slack', () => {
  it.each(HOSTILE_TEXTS)('%s', (hostile) => {
    const message = slackMessage(notification({ publicTitle: hostile, message: hostile, status: hostile }), 'internal');
    expect(violations(message)).toEqual([]);
    const texts = textObjects(message);
    // Every object holding the text is plain_text, which Slack never parses.
    const holding = texts.filter((t) => t.text.includes(hostile.split('\n')[0]!.slice(0, 12)));
    expect(holding.length).toBeGreaterThan(0);
    for (const t of holding) expect(t.type).toBe('plain_text');
    // The mrkdwn strings hold no control character but our own date token, and only the three entities.
    for (const mrkdwn of [message.text, ...texts.filter((t) => t.type === 'mrkdwn').map((t) => t.text)]) {
      const ours = mrkdwn.replace(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[^<>]*>/, '');
      expect(ours).not.toMatch(/[<>]/);
      expect(ours.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
    // The fallback line reads as typed once Slack decodes its entities.
    expect(unescapeSlack(message.text).startsWith('[INC-7] ')).toBe(true);
    expect(unescapeSlack(message.text).endsWith(`: ${hostile}`)).toBe(true);
    // No button but ours: the status page and the timeline.
    const urls = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.url) : []));
    expect(urls).toEqual([cardPayments.statusPageUrl, cardPayments.timelineUrl]);
  });

  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
    ['AT&T', 'AT&amp;T'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
    ['*bold* _it_ ~s~', '*bold* _it_ ~s~'],
  ])('escapeSlack(%j) is %j', (text, escaped) => {
    expect(escapeSlack(text)).toBe(escaped);
    expect(unescapeSlack(escapeSlack(text))).toBe(text);
  });
});

function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

type TextObject = { type: string; text: string };

function textObjects(message: SlackMessage): TextObject[] {
  const found: TextObject[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if ((record.type === 'plain_text' || record.type === 'mrkdwn') && typeof record.text === 'string') found.push(record as TextObject);
    Object.values(record).forEach(walk);
  };
  walk(message.blocks);
  return found;
}

/** The documented constraints a message breaks, in words (Slack answers `invalid_blocks` to any). */
function violations(message: SlackMessage): string[] {
  const out: string[] = [];
  const text = (t: TextObject | undefined, where: string, max: number, plainOnly = false) => {
    if (!t) return out.push(`${where}: missing`);
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn') out.push(`${where}: type ${t.type}`);
    if (plainOnly && t.type !== 'plain_text') out.push(`${where}: must be plain_text`);
    if (t.text.length < 1 || t.text.length > max) out.push(`${where}: ${t.text.length} characters`);
  };
  if (typeof message.text !== 'string' || !message.text) out.push('text: missing');
  if (message.blocks.length > 50) out.push('more than 50 blocks');
  message.blocks.forEach((block, i) => {
    const where = `blocks[${i}] ${block.type}`;
    if (block.type === 'header') text(block.text, where, 150, true);
    else if (block.type === 'section') {
      if (!block.text && !block.fields) out.push(`${where}: neither text nor fields`);
      if (block.text) text(block.text, where, 3000);
      if (block.fields && block.fields.length > 10) out.push(`${where}: more than 10 fields`);
      block.fields?.forEach((f, j) => text(f, `${where}.fields[${j}]`, 2000));
    } else if (block.type === 'context') {
      if (block.elements.length < 1 || block.elements.length > 10) out.push(`${where}: ${block.elements.length} elements`);
      block.elements.forEach((e, j) => text(e, `${where}.elements[${j}]`, 3000));
    } else if (block.type === 'actions') {
      if (block.elements.length < 1 || block.elements.length > 25) out.push(`${where}: ${block.elements.length} elements`);
      block.elements.forEach((b, j) => {
        text(b.text, `${where}.elements[${j}].text`, 75, true);
        if (!/^https?:\/\//.test(b.url) || b.url.length > 3000) out.push(`${where}.elements[${j}].url`);
        if (!b.action_id || b.action_id.length > 255) out.push(`${where}.elements[${j}].action_id`);
      });
      if (new Set(block.elements.map((b) => b.action_id)).size !== block.elements.length) out.push(`${where}: action_id repeated`);
    } else out.push(`${where}: unknown block`);
  });
  return out;
}

import type { Notification, Notifier } from '../../model';
import { PublishError } from '../target';
import { headingLine, normalizeNewlines, notificationLinks, statusLabel, truncate, utcTime } from './notification-text';
import { postToChatWebhook, type SendOptions } from './post-message';

// An Adaptive Card posted to a Teams incoming webhook (or a Workflows webhook, which takes the same body):
// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook
// https://adaptivecards.io/explorer/TextBlock.html  https://adaptivecards.io/explorer/FactSet.html
// https://adaptivecards.io/explorer/Action.OpenUrl.html

export interface TeamsTextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Large';
  weight?: 'Bolder';
  isSubtle?: true;
}
export interface TeamsFactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}
export interface TeamsOpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
      type: 'AdaptiveCard';
      version: '1.4';
      body: (TeamsTextBlock | TeamsFactSet)[];
      actions?: TeamsOpenUrl[];
    };
  }[];
}

/**
 * Keeps the card well under Teams' 28 KB webhook limit even for a message of emoji (4 bytes each)
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format
 */
const MAX_MESSAGE = 4000;
const MAX_HEADING = 200;

/**
 * The Adaptive Card for one status update. TextBlock and Fact text is Markdown (a CommonMark
 * subset: bold, italic, lists, links), so incident words are escaped to stay text; the only
 * links are the card's buttons, and only to http(s) addresses.
 */
export function teamsMessage(n: Notification, audience: Notifier['audience']): TeamsMessage {
  const { statusPage, timeline } = notificationLinks(n, audience);
  const body: (TeamsTextBlock | TeamsFactSet)[] = [
    { type: 'TextBlock', text: escapeCardText(truncate(headingLine(n).replace(/\s+/g, ' '), MAX_HEADING)), size: 'Large', weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Status', value: escapeCardText(statusLabel(n.status).replace(/\s+/g, ' ')) },
        { title: 'Severity', value: escapeCardText(n.severity) },
      ],
    },
  ];
  const message = normalizeNewlines(n.message).trim();
  if (message) {
    const more = statusPage ? '… (continued on the status page)' : '…';
    // Teams joins single line breaks; a blank line keeps the message's own lines apart.
    const paragraphs = truncate(message, MAX_MESSAGE, more)
      .split('\n')
      .filter((line) => line.trim());
    body.push({ type: 'TextBlock', text: paragraphs.map(escapeCardText).join('\n\n'), wrap: true });
  }
  body.push({ type: 'TextBlock', text: escapeCardText(`Posted ${utcTime(n.at)}`), size: 'Small', isSubtle: true, wrap: true });
  const actions: TeamsOpenUrl[] = [...(statusPage ? [openUrl('Status page', statusPage)] : []), ...(timeline ? [openUrl('Internal timeline', timeline)] : [])];
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
          ...(actions.length && { actions }),
        },
      },
    ],
  };
}

function openUrl(title: string, url: string): TeamsOpenUrl {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * Text as card Markdown that renders as typed. CommonMark backslash escapes
 * (https://spec.commonmark.org/0.31.2/#backslash-escapes) for what could make a link, emphasis,
 * code, HTML or a mention (`[ ] < > * _ ~ \``, and `\` itself), and for block markers at the
 * start of each line (list, heading, quote, numbered list). Renderers differ in how much
 * Markdown they read (https://learn.microsoft.com/en-us/adaptive-cards/create/textfeatures),
 * so this escapes what full CommonMark reads, not only Teams' documented subset.
 */
export function escapeCardText(line: string): string {
  return line
    .replace(/[\\`*_[\]<>~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^([ \t]*)([#=+-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/**
 * Office 365 connectors answer throttling with HTTP 200 and the error in the body ("Connectors do
 * not throw 429s"): https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#rate-limiting-for-connectors
 */
function classifyTeams(status: number, body: string): PublishError | undefined {
  const inner = /returned HTTP error (\d{3})/i.exec(body);
  if (!inner || status < 200 || status >= 300) return undefined;
  const code = Number(inner[1]);
  if (code === 429) return new PublishError('server', 'Teams is limiting how often we post (HTTP 429)');
  if (code >= 500) return new PublishError('server', `Teams answered with an error (HTTP ${code})`);
  if (code === 413) return new PublishError('rejected', 'Teams refused the message as too large (HTTP 413)');
  return new PublishError('rejected', `Teams refused the message (HTTP ${code})`);
}

/** Posts the card to a Teams incoming webhook or Workflows URL; `webhookUrl` is the secret. */
export function sendTeams(webhookUrl: string, message: TeamsMessage, fetchImpl: typeof fetch, options?: SendOptions) {
  return postToChatWebhook('Teams', webhookUrl, message, classifyTeams, fetchImpl, options);
}

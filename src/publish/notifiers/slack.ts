import type { Notification, Notifier } from '../../model';
import { PublishError } from '../target';
import { headingLine, normalizeNewlines, notificationLinks, statusLabel, subjectLine, truncate, unixSeconds, utcTime } from './notification-text';
import { postToChatWebhook, webhookGone, type SendOptions } from './post-message';

// Block Kit, as an incoming webhook takes it:
// https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
// https://docs.slack.dev/reference/block-kit/blocks/header-block (plain_text, at most 150 characters)
// https://docs.slack.dev/reference/block-kit/blocks/section-block (text ≤ 3000, fields ≤ 10 × 2000)
// https://docs.slack.dev/reference/block-kit/blocks/context-block
// https://docs.slack.dev/reference/block-kit/blocks/actions-block
// https://docs.slack.dev/reference/block-kit/block-elements/button-element (text ≤ 75, url ≤ 3000)
// https://docs.slack.dev/reference/block-kit/composition-objects/text-object

export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: { type: 'button'; text: SlackText; url: string; action_id: string }[] };
export interface SlackMessage {
  /** The notification and screen-reader line; Slack parses it as mrkdwn, so it is escaped. */
  text: string;
  blocks: SlackBlock[];
}

const MAX_HEADER = 150;
const MAX_SECTION = 3000;

/**
 * The Block Kit message for one status update. Incident words go only into `plain_text`
 * objects, which Slack never parses: `<!channel>`, `<https://evil|login>` and `*bold*` show as
 * typed. The one mrkdwn string that holds them, the fallback `text`, is escaped as Slack
 * documents. The only links are the buttons, and only to http(s) addresses.
 */
export function slackMessage(n: Notification, audience: Notifier['audience']): SlackMessage {
  const { statusPage, timeline } = notificationLinks(n, audience);
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain(truncate(headingLine(n).replace(/\s+/g, ' '), MAX_HEADER)) },
    { type: 'section', fields: [plain(`Status: ${statusLabel(n.status)}`), plain(`Severity: ${n.severity}`)] },
  ];
  const message = normalizeNewlines(n.message).trim();
  if (message) {
    const more = statusPage ? '… (continued on the status page)' : '…';
    blocks.push({ type: 'section', text: plain(truncate(message, MAX_SECTION, more)) });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Posted ${slackDate(n.at)}` }] });
  const buttons = [
    ...(statusPage ? [button('Status page', statusPage, 'sitrep_status_page')] : []),
    ...(timeline ? [button('Internal timeline', timeline, 'sitrep_timeline')] : []),
  ];
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  return { text: escapeSlack(subjectLine(n)), blocks };
}

/**
 * Slack's three control characters as HTML entities, and nothing else, as its formatting guide
 * asks: https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `<!date^…^{date_short_pretty} at {time}|2026-11-28 09:30 UTC>`: Slack shows it in each
 * reader's own zone, and the UTC text where it cannot.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
function slackDate(at: string): string {
  const seconds = unixSeconds(at);
  const fallback = escapeSlack(utcTime(at)).replace(/\|/g, '/');
  return seconds === undefined ? fallback : `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

function plain(text: string): SlackText {
  return { type: 'plain_text', text };
}

function button(label: string, url: string, actionId: string) {
  return { type: 'button' as const, text: plain(label), url, action_id: actionId };
}

/** The webhook's body codes that mean the URL no longer posts anywhere: only a new webhook helps. */
const GONE_CODES = new Set(['invalid_token', 'no_service', 'no_service_id', 'no_team', 'team_disabled', 'no_active_hooks']);
const GONE = webhookGone('Slack');

/**
 * Reads the body codes of Slack's webhook errors:
 * https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks#handling-errors
 * https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks
 */
function classifySlack(status: number, body: string): PublishError | undefined {
  const code = body.trim();
  if (status >= 200 && status < 300) return undefined;
  if (GONE_CODES.has(code)) return new PublishError('config', GONE);
  if (code === 'channel_not_found') return new PublishError('config', 'The Slack channel of this webhook is gone: paste a new webhook in Settings');
  if (code === 'channel_is_archived') {
    return new PublishError('config', 'The Slack channel of this webhook is archived: unarchive it or paste a new webhook in Settings');
  }
  if (code === 'action_prohibited' || code === 'posting_to_general_channel_denied') {
    return new PublishError('rejected', `Slack refused the message: posting to this channel is restricted (${code})`);
  }
  if (/^[a-z_]{1,64}$/.test(code) && status >= 400 && status < 500 && status !== 429 && status !== 408) {
    return new PublishError('rejected', `Slack refused the message (HTTP ${status}: ${code})`);
  }
  return undefined;
}

/** Posts the message to a Slack incoming webhook; `webhookUrl` is the secret. */
export function sendSlack(webhookUrl: string, message: SlackMessage, fetchImpl: typeof fetch, options?: SendOptions) {
  return postToChatWebhook('Slack', webhookUrl, message, classifySlack, fetchImpl, options);
}

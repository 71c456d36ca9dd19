import type { Notification, Notifier, Severity } from '../../model';
import { PublishError } from '../target';
import type { SendOptions } from './post-message';
import { sendSlack, slackMessage } from './slack';
import { sendTeams, teamsMessage } from './teams';
import { sendWebhook } from './webhook';

export { type SendOptions } from './post-message';
export { slackMessage } from './slack';
export { teamsMessage } from './teams';
export { webhookBody } from './webhook';

/** The notifiers a status update of this severity offers, in the order they are configured. */
export function notifiersFor(notifiers: readonly Notifier[], severity: Severity): Notifier[] {
  return notifiers.filter((notifier) => notifier.severities.includes(severity));
}

/**
 * Tells one Slack channel, Teams channel or webhook about one status update. `secret` is the
 * webhook URL (Slack, Teams) or the signing key (webhook). Resolves when the service took the
 * message (any 2xx); rejects with a `PublishError` that never holds the secret
 * (`retry` says whether trying again can help). Sends exactly once per call: retries and
 * never-twice are the outbox's, keyed by `n.updateId` (sent as `Idempotency-Key` to webhooks).
 */
export async function sendNotification(
  notifier: Notifier,
  secret: string,
  n: Notification,
  fetchImpl: typeof fetch = globalThis.fetch,
  options: SendOptions = {},
): Promise<void> {
  switch (notifier.kind) {
    case 'slack':
      await sendSlack(secret, slackMessage(n, notifier.audience), fetchImpl, options);
      return;
    case 'teams':
      await sendTeams(secret, teamsMessage(n, notifier.audience), fetchImpl, options);
      return;
    case 'webhook':
      await sendWebhook(notifier, secret, n, fetchImpl, options);
      return;
    case 'email':
      // The outbox skips drafts; an email is opened by the person (emailDraft), never sent by us.
      throw new PublishError('config', 'An email notification is a draft: open it from the status update');
  }
}

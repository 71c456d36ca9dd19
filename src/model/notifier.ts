import * as z from 'zod';
import { Severity } from './severity';

const NotifierId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A notifier id is 1–64 lower-case letters, digits or -');

const notifierFields = {
  id: NotifierId,
  /** How the person calls it: "#incidents", "Exec email". */
  name: z.string().trim().min(1, 'Name the channel, e.g. #incidents').max(100),
  /** The severities it is offered for; a SEV1 may reach executives a SEV4 never does. */
  severities: z.array(Severity).min(1, 'Pick at least one severity').max(5),
  /** Internal channels may be given a link to the internal timeline (`Notification.timelineUrl`); public ones never are. */
  audience: z.enum(['internal', 'public']),
};

/** A Slack incoming webhook (Block Kit message). Secret: the webhook URL. */
export const SlackNotifier = z.strictObject({ kind: z.literal('slack'), ...notifierFields });
/** A Microsoft Teams incoming webhook (Adaptive Card). Secret: the webhook URL. */
export const TeamsNotifier = z.strictObject({ kind: z.literal('teams'), ...notifierFields });
/** Any HTTPS endpoint taking a signed JSON POST. Secret: the HMAC-SHA256 signing key. */
export const WebhookNotifier = z.strictObject({
  kind: z.literal('webhook'),
  ...notifierFields,
  url: z.url({ protocol: /^https?$/, error: 'The webhook URL starts with http:// or https://' }).max(2048),
});
/** An email draft the person sends from their own mail client (`mailto:`): nothing is sent by Sitrep. */
export const EmailNotifier = z.strictObject({
  kind: z.literal('email'),
  ...notifierFields,
  /** Addresses, comma-separated, as a mail client takes them. */
  to: z.string().trim().min(3, 'Who the email goes to').max(2000),
});

/** Someone to tell about a status update, where they already read. Secrets are never part of it. */
export const Notifier = z.discriminatedUnion('kind', [SlackNotifier, TeamsNotifier, WebhookNotifier, EmailNotifier]);
export type Notifier = z.infer<typeof Notifier>;
export type SlackNotifier = z.infer<typeof SlackNotifier>;
export type TeamsNotifier = z.infer<typeof TeamsNotifier>;
export type WebhookNotifier = z.infer<typeof WebhookNotifier>;
export type EmailNotifier = z.infer<typeof EmailNotifier>;

/** What every notification says: built from the update and the incident's public words only. */
export interface Notification {
  /** The update's id: the idempotency key, so a retry never tells anyone twice. */
  updateId: string;
  incidentKey: string;
  publicTitle: string;
  severity: Severity;
  /** investigating, identified, monitoring, resolved. */
  status: string;
  message: string;
  /** When the update was posted (ISO-8601 UTC). */
  at: string;
  /** The incident's page on the status site, when a site is published. */
  statusPageUrl?: string;
  /** Internal channels only: where the team reads the internal timeline. */
  timelineUrl?: string;
}

import * as z from 'zod';
import { notifierResultId } from '../../db/outbox-repo';
import type { SitrepDb } from '../../db/database';
import { notifiersItem } from '../../db/storage-items';
import { Notifier, Severity, type PublishResult } from '../../model';
import { loadSecret, notifierSecretKey, readNotifiers, removeNotifier, saveNotifier } from '../../publish/target-store';
import { describeInstant, describePublishResult, type WordingOptions } from '../publish-status-text';
import { createConfiguredListState } from './configured-list-state';
import { describeFormError, withoutSecrets, type FormErrors } from './publishing-state';

export type NotifierKind = Notifier['kind'];
export type Audience = Notifier['audience'];

/** The kinds, in the order the form offers them. */
export const NOTIFIER_KINDS: readonly NotifierKind[] = ['slack', 'teams', 'webhook', 'email'];

export const NOTIFIER_KIND_LABELS: Record<NotifierKind, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  webhook: 'Webhook (signed JSON)',
  email: 'Email draft',
};

export const AUDIENCE_LABELS: Record<Audience, string> = { internal: 'Internal', public: 'Public' };

/** Every field any kind's form has, as typed; `secret` is the webhook URL (Slack, Teams) or the signing key. */
export interface NotifierFormValues {
  name: string;
  severities: Severity[];
  audience: Audience;
  /** The webhook's endpoint (not a secret: its signing key is). */
  url: string;
  /** The email's addresses. */
  to: string;
  secret: string;
}

export type NotifierField = keyof NotifierFormValues;

/** Each kind's fields in the order its form shows them: the first one in error gets the focus. */
export const NOTIFIER_FIELDS: Record<NotifierKind, readonly NotifierField[]> = {
  slack: ['name', 'secret', 'severities', 'audience'],
  teams: ['name', 'secret', 'severities', 'audience'],
  webhook: ['name', 'url', 'secret', 'severities', 'audience'],
  email: ['name', 'to', 'severities', 'audience'],
};

/** Which kinds keep a secret. */
export const hasSecret = (kind: NotifierKind) => kind !== 'email';

/** A new notifier's form: offered for every severity (untick the ones it is not for), internal. */
export const blankNotifierValues = (): NotifierFormValues => ({
  name: '',
  severities: [...Severity.options],
  audience: 'internal',
  url: '',
  to: '',
  secret: '',
});

/** A saved notifier in its form. The secret is never put back: it stays empty, and empty keeps it. */
export function notifierFormValuesOf(notifier: Notifier): NotifierFormValues {
  return {
    ...blankNotifierValues(),
    name: notifier.name,
    severities: [...notifier.severities],
    audience: notifier.audience,
    ...(notifier.kind === 'webhook' && { url: notifier.url }),
    ...(notifier.kind === 'email' && { to: notifier.to }),
  };
}

/** What the store saves from the form (the schema checks it); severities in their own order. */
export function notifierInputOf(kind: NotifierKind, v: NotifierFormValues, id: string): Record<string, unknown> {
  const common = {
    kind,
    id,
    name: v.name.trim(),
    severities: Severity.options.filter((s) => v.severities.includes(s)),
    audience: v.audience,
  };
  if (kind === 'webhook') return { ...common, url: v.url.trim() };
  if (kind === 'email') return { ...common, to: v.to.trim() };
  return common;
}

const webhookUrl = (service: string) =>
  z
    .string()
    .trim()
    .min(1, `Paste the webhook URL ${service} gave you`)
    .pipe(z.url({ protocol: /^https?$/, error: `The webhook URL ${service} gave you starts with https://` }).max(2048));

const SECRET_RULES: Record<Exclude<NotifierKind, 'email'>, z.ZodType<string>> = {
  slack: webhookUrl('Slack'),
  teams: webhookUrl('Teams'),
  webhook: z.string().trim().min(16, 'A signing key of at least 16 characters: Generate makes one').max(512),
};

export type PreparedNotifier = { ok: true; notifier: Notifier; secret?: string } | { ok: false; errors: FormErrors<NotifierField> };

/**
 * Checks the form without saving, synchronously (the permission prompt needs the click). An empty
 * secret keeps the saved one. Messages are the schema's words and never hold what was typed.
 */
export function prepareNotifier(kind: NotifierKind, values: NotifierFormValues, id: string, secretSaved: boolean): PreparedNotifier {
  const parsed = Notifier.safeParse(notifierInputOf(kind, values, id));
  const errors: FormErrors<NotifierField> = parsed.success ? { fields: {} } : describeFormError(parsed.error, NOTIFIER_FIELDS[kind]);
  let secret: string | undefined;
  if (kind !== 'email' && (values.secret !== '' || !secretSaved)) {
    const checked = SECRET_RULES[kind].safeParse(values.secret);
    if (checked.success) secret = checked.data;
    else errors.fields.secret = checked.error.issues[0]?.message;
  }
  if (!parsed.success || errors.fields.secret || errors.form) return { ok: false, errors };
  return { ok: true, notifier: parsed.data, ...(secret !== undefined && { secret }) };
}

/** Where a notifier posts, for the host permission: the webhook URL just typed, or the endpoint. */
export function postUrlsOf(notifier: Notifier, secret: string | undefined): string[] {
  switch (notifier.kind) {
    case 'slack':
    case 'teams':
      return secret ? [secret] : [];
    case 'webhook':
      return [notifier.url];
    case 'email':
      return [];
  }
}

/** A fresh signing key: 32 random bytes, base64url without padding (43 characters). */
export function generateSigningKey(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(32))): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A notifier's last result in words: "Sent 12:04:31", "Slack unreachable…, retrying in 30 s". */
export function describeNotifierResult(result: PublishResult | undefined, options: WordingOptions): string {
  switch (result?.state) {
    case undefined:
      return 'Nothing sent yet';
    case 'pending':
      return 'Waiting to send';
    case 'publishing':
      return 'Sending…';
    case 'published':
      return `Sent ${describeInstant(result.publishedAt ?? result.at, options)}`;
    default:
      return describePublishResult(result, options);
  }
}

/** The notifiers as the options page sees them: the list, which have a secret (never the secrets), last results, live. */
export function createNotifiersState(db: SitrepDb) {
  const stored = createConfiguredListState(db, notifiersItem, readNotifiers, { secret: notifierSecretKey, result: notifierResultId });

  return {
    notifiers: stored.list,
    /** False until storage has been read. */
    loaded: stored.loaded,
    ready: stored.ready,
    secretSaved: stored.secretSaved,
    resultOf: stored.resultOf,
    newId: (kind: NotifierKind) => stored.newId(kind),
    /** Saves a prepared notifier and its secret (none keeps the saved one). Throws with no secret in the message. */
    async save(notifier: Notifier, secret?: string): Promise<Notifier> {
      try {
        const saved = await saveNotifier(notifier, secret);
        await stored.reread();
        return saved;
      } catch (error) {
        throw withoutSecrets(error, [secret ?? '', await loadSecret(notifierSecretKey(notifier.id)).catch(() => '')]);
      }
    },
    async remove(id: string): Promise<void> {
      await removeNotifier(id);
      await stored.reread();
    },
    dispose: stored.dispose,
  };
}

export type NotifiersState = ReturnType<typeof createNotifiersState>;

import { computed } from '@preact/signals';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { listPublishResults, requestPublish, type SitrepDb } from '../../db';
import { publishSecretsItem, publishTargetsItem, siteSettingsItem } from '../../db/storage-items';
import { SiteSettings, type HostTarget, type PublishMessage, type PublishResult } from '../../model';
import {
  HOST_TARGET_ID,
  HostTargetForm,
  loadSecret,
  readSiteSettings,
  readTargets,
  removeTarget,
  saveHostTarget,
  saveSiteSettings,
} from '../../publish/target-store';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/** Wakes the background to send what the outbox holds; the outbox keeps it if this is lost. */
export async function nudgeBackground(): Promise<void> {
  const message: PublishMessage = { type: 'publish' };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No background to answer (it is starting): its alarm and start-up drain the outbox anyway.
  }
}

/**
 * The published site shows what just changed (a maintenance, a component, the page's name): asks
 * every configured target (or the ones given) for a publish, durably, then wakes the background.
 * Nothing to do while no target is configured.
 */
export async function publishAfterChange(db: SitrepDb, targetIds?: readonly string[]): Promise<void> {
  const ids = targetIds ?? readTargets(await publishTargetsItem.getValue()).map((t) => t.id);
  if (!ids.length) return;
  await requestPublish(db, ids);
  await nudgeBackground();
}

/**
 * The host permission pattern for a target URL; undefined when it is not an http(s) URL. Firefox
 * match patterns cannot name a port (any port of the host matches); Chrome's can.
 */
export function hostPermissionPattern(url: string, firefox = import.meta.env.FIREFOX === true): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return firefox ? `${parsed.protocol}//${parsed.hostname}/*` : `${parsed.origin}/*`;
}

/**
 * Asks for permission to reach the host. Call it synchronously from the click or submit handler,
 * before any await: browsers only show the prompt during a user gesture. Resolves to whether it
 * was granted (false when refused or impossible), undefined when the URL names no http(s) origin.
 */
export function requestHostPermission(url: string): Promise<boolean | undefined> {
  const pattern = hostPermissionPattern(url);
  if (!pattern) return Promise.resolve(undefined);
  try {
    return Promise.resolve(browser.permissions.request({ origins: [pattern] })).catch(() => false);
  } catch {
    // No permissions API here (or the manifest does not allow asking): treated as refused.
    return Promise.resolve(false);
  }
}

/** The host form, as typed. The token field is empty unless the person types a new one. */
export interface HostFormValues {
  url: string;
  token: string;
}

export type HostField = keyof HostFormValues;

/**
 * Checks the host form without saving, synchronously, so the permission prompt is only shown for
 * a target that will be saved. An empty token keeps the saved one, when there is one.
 */
export function checkHostForm(values: HostFormValues, tokenSaved: boolean): FormErrors<HostField> | undefined {
  const token = values.token.trim() === '' && tokenSaved ? 'x'.repeat(16) : values.token;
  const parsed = HostTargetForm.safeParse({ url: values.url.trim(), token });
  return parsed.success ? undefined : describeFormError(parsed.error, ['url', 'token']);
}

/** The status page form, as typed (numbers as text until saved). */
export interface SiteFormValues {
  name: string;
  historyDays: string;
  timeZone: string;
}

export type SiteField = keyof SiteFormValues;

/** Whether the browser knows this IANA zone (`Etc/UTC`, `Europe/Berlin`). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The page form read into settings; the repository validates again with `SiteSettings`. */
const SiteForm = z.strictObject({
  name: SiteSettings.shape.name,
  historyDays: z
    .string()
    .trim()
    .regex(/^\d+$/, 'Whole days, e.g. 90')
    .transform(Number)
    .pipe(SiteSettings.shape.historyDays),
  timeZone: z.string().trim().refine(isTimeZone, 'A time zone the browser knows, e.g. Etc/UTC or Europe/Berlin'),
});

export function siteFormValuesOf(site: SiteSettings): SiteFormValues {
  return { name: site.name, historyDays: String(site.historyDays), timeZone: site.timeZone };
}

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form?: string;
}

/**
 * A save's failure as messages per field (a ZodError's own words) and one for the form. The
 * secret, if given, is blanked out of every message: a token never reaches the screen that way.
 */
export function describeFormError<F extends string>(error: unknown, fields: readonly F[], secret?: string): FormErrors<F> {
  const hide = (message: string) => (secret && secret.length >= 4 ? message.split(secret).join('•••') : message);
  if (!(error instanceof z.ZodError)) return { fields: {}, form: hide(error instanceof Error ? error.message : String(error)) };
  const out: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const head = issue.path[0];
    const field = fields.find((f) => f === head);
    if (!field) rest.push(hide(issue.message));
    else out[field] = out[field] ? `${out[field]}\n${hide(issue.message)}` : hide(issue.message);
  }
  return { fields: out, ...(rest.length && { form: rest.join('\n') }) };
}

/** The secret blanked out of an error's message (a ZodError is kept: its messages never hold input). */
function withoutSecret(error: unknown, secret: string): unknown {
  if (error instanceof z.ZodError || !(error instanceof Error) || secret.length < 4 || !error.message.includes(secret)) return error;
  return new Error(error.message.split(secret).join('•••'));
}

/**
 * Publishing as the options page sees it: the site's settings, the host target, whether a token
 * is saved (never the token itself) and the target's last result, live.
 */
export function createPublishingState(db: SitrepDb) {
  const site = storageSignal(siteSettingsItem, readSiteSettings);
  const targets = storageSignal(publishTargetsItem, readTargets);
  // Only which targets have a secret: the secrets themselves stay in storage.
  const secretIds = storageSignal(publishSecretsItem, (secrets) =>
    Object.entries(secrets && typeof secrets === 'object' ? secrets : {})
      .filter(([, v]) => typeof v === 'string' && v !== '')
      .map(([id]) => id),
  );
  const results = liveSignal<PublishResult[]>(() => listPublishResults(db), []);
  const host = computed<HostTarget | undefined>(() => targets.value.value.find((t) => t.id === HOST_TARGET_ID));

  return {
    site: site.value,
    ready: Promise.all([site.ready, targets.ready, secretIds.ready]).then(() => {}),
    host,
    hostTokenSaved: computed(() => secretIds.value.value.includes(HOST_TARGET_ID)),
    hostResult: computed(() => results.value.value.find((r) => r.targetId === HOST_TARGET_ID)),
    /**
     * Saves the host target (its token apart, with the secrets), then publishes to it so anything
     * waiting goes out. An empty token keeps the saved one. Throws a ZodError naming the field,
     * saving nothing.
     */
    async saveHost(values: HostFormValues): Promise<HostTarget> {
      const token = values.token.trim() === '' ? await loadSecret(HOST_TARGET_ID) : values.token;
      try {
        const target = await saveHostTarget({ url: values.url.trim(), token });
        await publishAfterChange(db, [target.id]);
        return target;
      } catch (error) {
        throw withoutSecret(error, token);
      }
    },
    removeHost: () => removeTarget(HOST_TARGET_ID),
    /** Saves the page's name, history and zone, then republishes; throws a ZodError naming the field. */
    async saveSite(values: SiteFormValues): Promise<SiteSettings> {
      const saved = await saveSiteSettings(SiteForm.parse(values));
      await publishAfterChange(db);
      return saved;
    },
    dispose() {
      site.dispose();
      targets.dispose();
      secretIds.dispose();
      results.dispose();
    },
  };
}

export type PublishingState = ReturnType<typeof createPublishingState>;


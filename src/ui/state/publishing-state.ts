import { signal } from '@preact/signals';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { requestPublish } from '../../db/outbox-repo';
import type { SitrepDb } from '../../db/database';
import { publishTargetsItem, siteSettingsItem } from '../../db/storage-items';
import { SiteSettings, type PublishMessage } from '../../model';
import { readSiteSettings, readTargets, saveSiteSettings } from '../../publish/target-store';
import { attemptInto } from './attempt';
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
 * `publishAfterChange` for a list the options page edits: a failure to queue the publish is kept
 * in `problem` for the page to show, not thrown, since the change itself was saved and stands.
 */
export function publishingAfterChange(db: SitrepDb) {
  const problem = signal<string | undefined>(undefined);
  return { problem, publish: () => attemptInto(problem)(() => publishAfterChange(db)) };
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
 * Asks for permission to reach the origins a target or notifier writes to. Call it synchronously
 * from the click or submit handler, before any await: browsers only show the prompt during a user
 * gesture. Resolves to whether it was granted (false when refused or impossible), undefined when
 * no URL names an http(s) origin.
 */
export function requestHostPermissions(urls: readonly string[]): Promise<boolean | undefined> {
  const origins = [...new Set(urls.map((url) => hostPermissionPattern(url)).filter((p): p is string => p !== undefined))];
  if (!origins.length) return Promise.resolve(undefined);
  try {
    return Promise.resolve(browser.permissions.request({ origins })).catch(() => false);
  } catch {
    // No permissions API here (or the manifest does not allow asking): treated as refused.
    return Promise.resolve(false);
  }
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
  historyDays: z.string().trim().regex(/^\d+$/, 'Whole days, e.g. 90').transform(Number).pipe(SiteSettings.shape.historyDays),
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

/**
 * The secrets blanked out of an error's message, for errors about to be shown (a ZodError is kept:
 * its messages never hold input). Secrets under 4 characters are not looked for: they would
 * blank out ordinary words.
 */
export function withoutSecrets(error: unknown, secrets: readonly string[]): unknown {
  if (error instanceof z.ZodError || !(error instanceof Error)) return error;
  const found = secrets.filter((secret) => secret.length >= 4 && error.message.includes(secret));
  if (!found.length) return error;
  const message = found.reduce((text, secret) => text.split(secret).join('•••'), error.message);
  return Object.assign(new Error(message), { name: error.name });
}

/** Publishing as the options page sees it: the status site's settings; targets have their own state. */
export function createPublishingState(db: SitrepDb) {
  const site = storageSignal(siteSettingsItem, readSiteSettings);

  return {
    site: site.value,
    ready: site.ready,
    /** Saves the page's name, history and zone, then republishes; throws a ZodError naming the field. */
    async saveSite(values: SiteFormValues): Promise<SiteSettings> {
      const saved = await saveSiteSettings(SiteForm.parse(values));
      await publishAfterChange(db);
      return saved;
    },
    dispose() {
      site.dispose();
    },
  };
}

export type PublishingState = ReturnType<typeof createPublishingState>;

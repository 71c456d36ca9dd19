import * as z from 'zod';
import { Notifier, PublishTarget, SiteSettings } from '../model';
import { notifiersItem, publishSecretsItem, publishTargetsItem, siteSettingsItem } from '../db/storage-items';

export const DEFAULT_SITE_SETTINGS: SiteSettings = { pageId: 'sitrep', name: 'Status', timeZone: 'Etc/UTC', historyDays: 90 };

/** Site settings read back from storage: anything unreadable falls back field by field. */
export function readSiteSettings(stored: unknown): SiteSettings {
  const out: SiteSettings = { ...DEFAULT_SITE_SETTINGS };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(DEFAULT_SITE_SETTINGS) as (keyof SiteSettings)[]) {
    const field = SiteSettings.shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (field.success) (out as Record<string, unknown>)[key] = field.data;
  }
  return out;
}

/** A stored list read back item by item; one that no longer parses is dropped, not fatal. */
function readList<T>(stored: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Targets read back from storage. */
export const readTargets = (stored: unknown): PublishTarget[] => readList(stored, PublishTarget);

/** Notifiers read back from storage. */
export const readNotifiers = (stored: unknown): Notifier[] => readList(stored, Notifier);

export interface Publishing {
  site: SiteSettings;
  targets: PublishTarget[];
  notifiers: Notifier[];
}

export async function loadPublishing(): Promise<Publishing> {
  const [site, targets, notifiers] = await Promise.all([siteSettingsItem.getValue(), publishTargetsItem.getValue(), notifiersItem.getValue()]);
  return { site: readSiteSettings(site), targets: readTargets(targets), notifiers: readNotifiers(notifiers) };
}

/** Where a notifier's secret is kept among the secrets (targets use their bare id). */
export const notifierSecretKey = (notifierId: string) => `notifier:${notifierId}`;

/** A target's (or `notifierSecretKey`'s) secret; the empty string when none is stored. */
export async function loadSecret(key: string): Promise<string> {
  const secrets = await publishSecretsItem.getValue();
  const secret = secrets && typeof secrets === 'object' ? secrets[key] : undefined;
  return typeof secret === 'string' ? secret : '';
}

/**
 * Adds or replaces a target (by id), and its secret when one is given (an empty or absent
 * secret keeps the stored one). Throws a ZodError naming the field, saving nothing.
 */
export async function saveTarget(input: PublishTarget, secret?: string): Promise<PublishTarget> {
  const target = PublishTarget.parse(input);
  const [targets, secrets] = await Promise.all([publishTargetsItem.getValue(), publishSecretsItem.getValue()]);
  if (secret) await publishSecretsItem.setValue({ ...(secrets ?? {}), [target.id]: secret });
  const list = readTargets(targets);
  const at = list.findIndex((t) => t.id === target.id);
  await publishTargetsItem.setValue(at < 0 ? [...list, target] : list.with(at, target));
  return target;
}

/** Adds or replaces a notifier (by id), and its secret when one is given. Throws a ZodError, saving nothing. */
export async function saveNotifier(input: Notifier, secret?: string): Promise<Notifier> {
  const notifier = Notifier.parse(input);
  const [notifiers, secrets] = await Promise.all([notifiersItem.getValue(), publishSecretsItem.getValue()]);
  if (secret) await publishSecretsItem.setValue({ ...(secrets ?? {}), [notifierSecretKey(notifier.id)]: secret });
  const list = readNotifiers(notifiers);
  const at = list.findIndex((n) => n.id === notifier.id);
  await notifiersItem.setValue(at < 0 ? [...list, notifier] : list.with(at, notifier));
  return notifier;
}

export async function removeNotifier(notifierId: string): Promise<void> {
  const [notifiers, secrets] = await Promise.all([notifiersItem.getValue(), publishSecretsItem.getValue()]);
  const { [notifierSecretKey(notifierId)]: _removed, ...rest } = secrets ?? {};
  await publishSecretsItem.setValue(rest);
  await notifiersItem.setValue(readNotifiers(notifiers).filter((n) => n.id !== notifierId));
}

export async function removeTarget(targetId: string): Promise<void> {
  const [targets, secrets] = await Promise.all([publishTargetsItem.getValue(), publishSecretsItem.getValue()]);
  const { [targetId]: _removed, ...rest } = secrets ?? {};
  await publishSecretsItem.setValue(rest);
  await publishTargetsItem.setValue(readTargets(targets).filter((t) => t.id !== targetId));
}

export async function saveSiteSettings(patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const current = readSiteSettings(await siteSettingsItem.getValue());
  const next = SiteSettings.parse({ ...current, ...patch });
  await siteSettingsItem.setValue(next);
  return next;
}

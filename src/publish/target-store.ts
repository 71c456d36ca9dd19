import * as z from 'zod';
import { HostTarget, SiteSettings } from '../model';
import { publishSecretsItem, publishTargetsItem, siteSettingsItem } from '../db/storage-items';

export const DEFAULT_SITE_SETTINGS: SiteSettings = { pageId: 'sitrep', name: 'Status', timeZone: 'Etc/UTC', historyDays: 90 };

/** The one host target this version configures; more targets get their own ids. */
export const HOST_TARGET_ID = 'host';

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

/** Targets read back from storage; one that no longer parses is dropped, not fatal. */
export function readTargets(stored: unknown): HostTarget[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((t) => {
    const parsed = HostTarget.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface Publishing {
  site: SiteSettings;
  targets: HostTarget[];
}

export async function loadPublishing(): Promise<Publishing> {
  const [site, targets] = await Promise.all([siteSettingsItem.getValue(), publishTargetsItem.getValue()]);
  return { site: readSiteSettings(site), targets: readTargets(targets) };
}

/** A target's secret; the empty string when none is stored. */
export async function loadSecret(targetId: string): Promise<string> {
  const secrets = await publishSecretsItem.getValue();
  const secret = secrets && typeof secrets === 'object' ? secrets[targetId] : undefined;
  return typeof secret === 'string' ? secret : '';
}

export const HostTargetForm = z.strictObject({
  url: HostTarget.shape.url,
  token: z.string().trim().min(16, 'Paste the token the host printed (its token file holds it)').max(500),
});
export type HostTargetForm = z.infer<typeof HostTargetForm>;

/**
 * Saves the host target: its URL with the targets, its token with the secrets. Throws a ZodError
 * naming the field, saving nothing. A trailing slash is dropped so paths join cleanly.
 */
export async function saveHostTarget(form: HostTargetForm): Promise<HostTarget> {
  const { url, token } = HostTargetForm.parse(form);
  const target = HostTarget.parse({ kind: 'host', id: HOST_TARGET_ID, url: url.replace(/\/+$/, '') });
  const [targets, secrets] = await Promise.all([publishTargetsItem.getValue(), publishSecretsItem.getValue()]);
  await publishSecretsItem.setValue({ ...(secrets ?? {}), [target.id]: token });
  await publishTargetsItem.setValue([...readTargets(targets).filter((t) => t.id !== target.id), target]);
  return target;
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

import { storage } from 'wxt/utils/storage';

/** Small per-browser preferences and UI memory, kept in extension storage (not the log). */

/** Author name and time display; read back through `readSettings`, which repairs bad values. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null });

/** The incident new notes and clips go to; empty until one is declared or chosen. */
export const activeIncidentIdItem = storage.defineItem<string | null>('local:activeIncidentId', { fallback: null });

/** Half-typed notes by incident id: closing the popup must never lose a word. */
export const noteDraftsItem = storage.defineItem<Record<string, string>>('local:noteDrafts', { fallback: {} });

/** Half-written public status updates by incident id: the message survives closing the popup. */
export const updateDraftsItem = storage.defineItem<Record<string, string>>('local:updateDrafts', { fallback: {} });

/** The status site's name, zone and history; read back through `readSiteSettings`. */
export const siteSettingsItem = storage.defineItem<unknown>('local:siteSettings', { fallback: null });

/** Where the site is published (no secrets here); read back through `readTargets`. */
export const publishTargetsItem = storage.defineItem<unknown>('local:publishTargets', { fallback: [] });

/**
 * Tokens and keys by target id. `local:` only: never synced, never in a backup, never logged, never
 * shown in an error.
 */
export const publishSecretsItem = storage.defineItem<Record<string, string>>('local:publishSecrets', { fallback: {} });

/** Whether the toolbar badge shows how many action items are overdue (off until asked for). */
export const overdueActionItemsOnBadgeItem = storage.defineItem<boolean>('local:overdueActionItemsOnBadge', { fallback: false });

/** Who is told about status updates (Slack, Teams, webhooks, email); read back through `readNotifiers`. */
export const notifiersItem = storage.defineItem<unknown>('local:notifiers', { fallback: [] });

/** What the popup's first paint needs of the active incident, so it can show the note box before the log is open. */
export interface PopupSnapshot {
  id: string;
  key: string;
  resolved: boolean;
}

/**
 * The active incident as last seen by an open page (`PopupSnapshot`), kept in step by the log
 * state; the popup trusts it only while its id is still `activeIncidentId`.
 */
export const popupSnapshotItem = storage.defineItem<PopupSnapshot | null>('local:popupSnapshot', { fallback: null });

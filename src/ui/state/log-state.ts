import { computed, effect, signal } from '@preact/signals';
import { addEntry } from '../../db/entries-repo';
import { declareIncident, listIncidents, updateIncident, type IncidentPatch } from '../../db/incidents-repo';
import { listComponents } from '../../db/components-repo';
import type { SitrepDb } from '../../db/database';
import { activeIncidentIdItem, popupSnapshotItem, settingsItem } from '../../db/storage-items';
import { readShellHint, writeShellHint } from '../popup-shell-hint';
import { readSettings, type Component, type EntryKind, type Incident, type NewIncident, type Settings } from '../../model';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';
import { attemptInto } from './attempt';

/** The incident log as the popup and side panel see it: incidents, the active one, settings. */
export function createLogState(db: SitrepDb) {
  const settings = storageSignal(settingsItem, readSettings);
  const activeId = storageSignal<string | null, string | undefined>(
    activeIncidentIdItem,
    (v) => v ?? undefined,
    (v) => v ?? null,
  );
  const incidents = liveSignal<Incident[] | undefined>(() => listIncidents(db), undefined);
  const components = liveSignal<Component[]>(() => listComponents(db), []);
  const componentsById = computed(() => new Map(components.value.value.map((c) => [c.id, c])));
  const lastError = signal<string | undefined>(undefined);

  const active = computed(() => incidents.value.value?.find((i) => i.id === activeId.value.value));
  const author = computed(() => settings.value.value.author);
  const ready = Promise.all([settings.ready, activeId.ready]);
  const stopSnapshot = keepPopupSnapshot(active);

  /** Runs a write and turns its failure into a message the UI shows; nothing saved is lost. */
  const attempt = attemptInto(lastError);

  /** Writes every setting: waits for the stored ones first, so an early save resets none of them. Rejects when storage refuses. */
  async function setSettings(patch: Partial<Settings>): Promise<void> {
    await ready;
    await settings.set({ ...settings.value.value, ...patch });
  }

  return {
    settings: settings.value,
    activeId: activeId.value,
    incidents: incidents.value,
    componentsById,
    active,
    lastError,
    ready,

    declare: (input: NewIncident) =>
      attempt(async () => {
        const incident = await declareIncident(db, input, { author: author.value });
        await activeId.set(incident.id);
        return incident;
      }),
    /** Makes this the active incident; a refused write is said in `lastError`, never a rejection. */
    switchTo: (id: string) => attempt(() => activeId.set(id)),
    update: (id: string, patch: IncidentPatch) => attempt(() => updateIncident(db, id, patch, { author: author.value })),
    addNote: (incidentId: string, text: string, kind: EntryKind = 'note') => attempt(() => addEntry(db, { incidentId, kind, text, author: author.value })),
    setSettings,
    /** `setSettings` for a toggle with no form of its own: a refused write is said in `lastError`. */
    changeSettings: (patch: Partial<Settings>) => attempt(() => setSettings(patch)),

    dispose() {
      stopSnapshot();
      settings.dispose();
      activeId.dispose();
      incidents.dispose();
      components.dispose();
    },
  };
}

export type LogState = ReturnType<typeof createLogState>;

/**
 * Writes what the popup's first paint needs of the active incident whenever it changes here
 * (another incident made active, this one resolved or reopened). Only a change is written. The
 * popup shell's hint, which only an open popup writes, is dropped when it names another incident
 * or a resolved one, so the shell never paints a note box storage would take away.
 */
function keepPopupSnapshot(active: { readonly value: Incident | undefined }): () => void {
  let written = '';
  return effect(() => {
    const incident = active.value;
    if (!incident) return;
    const snapshot = { id: incident.id, key: incident.key, resolved: incident.status === 'resolved' };
    // The popup shell paints from its hint: one for another incident, or for this one now resolved, goes.
    const hint = readShellHint();
    if (hint && (hint.id !== snapshot.id || snapshot.resolved)) writeShellHint(null);
    const text = JSON.stringify(snapshot);
    if (text === written) return;
    written = text;
    // Only the popup's first paint is slower without it: never an error for the person.
    popupSnapshotItem.setValue(snapshot).catch(() => (written = ''));
  });
}

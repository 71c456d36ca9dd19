import { effect } from '@preact/signals';
import { writeShellHint } from '../popup-shell-hint';
import type { DraftsState } from './drafts-state';
import type { LogState } from './log-state';

/**
 * Keeps the popup shell's hint (`popup-shell-hint.ts`) in step with the popup: the incident taking
 * notes and its draft, or null while there is none (none active, or it is resolved). Returns the
 * effect's disposer.
 */
export function keepShellHint(log: Pick<LogState, 'active'>, drafts: Pick<DraftsState, 'get'>): () => void {
  return effect(() => {
    const active = log.active.value;
    writeShellHint(active && active.status !== 'resolved' ? { id: active.id, key: active.key, draft: drafts.get(active.id) } : null);
  });
}

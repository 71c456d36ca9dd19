import { useSignal } from '@preact/signals';
import { isolatePlainText } from '../../capture/untrusted-text';
import type { Incident } from '../../model';
import { formatClock } from '../format-time';
import type { HeldClipsState } from '../state/held-clips-state';
import { useApp } from '../state/context';
import { DeclareForm } from './declare-form';
import { ErrorBanner } from './error-banner';
import { Untrusted } from './timeline/untrusted';

/**
 * Clips waiting for an incident: put each on one (the active one is preselected), start a new
 * incident from it, or discard it. A clip is never lost for want of an active incident.
 */
export function HeldClips({ state, incidents }: { state: HeldClipsState; incidents: readonly Incident[] }) {
  const { log } = useApp();
  const held = state.held.value;
  const declaring = useSignal<string | undefined>(undefined);
  const target = useSignal<string | undefined>(undefined);
  if (!held.length) return null;
  const chosen = target.value ?? log.activeId.value ?? incidents[0]?.id;

  return (
    <section class="held-clips" aria-label="Clips waiting for an incident" data-testid="held-clips">
      <h2>
        {held.length} clip{held.length > 1 ? 's' : ''} waiting — which incident?
      </h2>
      <ErrorBanner message={state.error.value} />
      {incidents.length > 0 && (
        <div class="field">
          <label for="held-target">Put clips on</label>
          <select id="held-target" value={chosen} onChange={(e) => (target.value = e.currentTarget.value)}>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.key} — {isolatePlainText(i.title)}
              </option>
            ))}
          </select>
        </div>
      )}
      <ul>
        {held.map((clip) => (
          <li key={clip.id} class="held-clip">
            <p class="held-clip__text">
              <time dateTime={clip.takenAt}>{formatClock(clip.takenAt, log.settings.value.timeDisplay)}</time> <Untrusted text={clip.draft.text} />
            </p>
            {clip.draft.clip.notice && (
              <p class="hint">
                <Untrusted text={clip.draft.clip.notice} />
              </p>
            )}
            <div class="held-clip__actions">
              {chosen && (
                <button type="button" class="primary" onClick={() => void state.place(clip.id, chosen)}>
                  Add to {incidents.find((i) => i.id === chosen)?.key}
                </button>
              )}
              <button type="button" onClick={() => (declaring.value = declaring.value === clip.id ? undefined : clip.id)}>
                New incident from this
              </button>
              <button type="button" class="danger" onClick={() => void state.discard(clip.id)}>
                Discard
              </button>
            </div>
            {declaring.value === clip.id && (
              <DeclareForm
                autoFocus
                onDeclare={async (input) => {
                  const incident = await state.declareFrom(clip.id, input);
                  if (incident) await log.switchTo(incident.id);
                  return incident;
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

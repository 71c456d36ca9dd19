import { useSignal } from '@preact/signals';
import { CHECKLIST_STEP_LABELS, type ChecklistStep, type Incident, type TimeDisplay, type UpdateCadence } from '../../model';
import { checklistState, type StepState } from '../../process/checklist-state';
import { formatClock } from '../format-time';
import { useCreated } from '../hooks/use-created';
import { useNow } from '../hooks/use-now';
import { useApp } from '../state/context';
import { createImChecklistState, type ImChecklistState } from '../state/im-checklist-state';
import { ErrorBanner } from './error-banner';

/** The incident manager's checklist for the active incident (key it by the incident's id). */
export function ImChecklist({ incident }: { incident: Incident }) {
  const { db, log } = useApp();
  const state = useCreated(() => createImChecklistState(db, incident.id, () => log.settings.value.author));
  const now = useNow(30_000);
  const settings = log.settings.value;
  return <ImChecklistView incident={incident} state={state} cadence={settings.cadence} timeDisplay={settings.timeDisplay} now={now} />;
}

interface ViewProps {
  incident: Incident;
  state: ImChecklistState;
  cadence: UpdateCadence;
  timeDisplay: TimeDisplay;
  now: Date;
}

/**
 * The workflow, step by step: steps tick themselves when what they ask for happens, can be ticked
 * by hand with a note (what happened off the record), and say when they are overdue.
 */
export function ImChecklistView({ incident, state, cadence, timeDisplay, now }: ViewProps) {
  const noting = useSignal<ChecklistStep | null>(null);
  const note = useSignal('');
  const error = useSignal<string | undefined>(undefined);
  const steps = checklistState({
    incident,
    updates: state.updates.value,
    comms: state.comms.value,
    checklist: state.checklist.value,
    postmortemStartedAt: state.postmortemStartedAt.value,
    cadence,
    now,
  });
  const done = steps.filter((s) => s.status === 'auto' || s.status === 'hand').length;
  const overdue = steps.filter((s) => s.status === 'overdue').length;

  const run = (write: () => Promise<unknown>) =>
    void write().then(
      () => {
        error.value = undefined;
        noting.value = null;
        note.value = '';
      },
      (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
    );

  const when = (iso: string) => formatClock(iso, timeDisplay);

  const describe = (s: StepState): string => {
    if (s.status === 'auto' && s.event) return `${s.event.text} ${when(s.event.at)}`;
    if (s.status === 'hand' && s.tick) return `Ticked by ${s.tick.by || 'hand'} ${when(s.tick.at)}`;
    if (s.status === 'overdue' && s.dueAt) return `Overdue since ${when(s.dueAt)}`;
    if (s.dueAt) return `Due ${when(s.dueAt)}`;
    return '';
  };

  return (
    <section class="im-checklist" aria-labelledby="im-checklist-heading">
      <h2 id="im-checklist-heading">Checklist</h2>
      <p class="hint" role="status" data-testid="im-checklist-summary">
        {done} of {steps.length} done{overdue ? ` · ${overdue} overdue` : ''}
      </p>
      <ol class="im-checklist__steps">
        {steps.map((s) => (
          <li key={s.step} class={`im-step is-${s.status}`} data-testid="im-step" data-step={s.step} data-status={s.status}>
            <span class="im-step__mark" aria-hidden="true">
              {s.status === 'auto' || s.status === 'hand' ? '☑' : s.status === 'overdue' ? '⚠' : '☐'}
            </span>{' '}
            <span class="im-step__label">{CHECKLIST_STEP_LABELS[s.step]}</span>
            <span class="hint im-step__state" data-testid="im-step-state">
              {' '}
              {describe(s)}
              {s.detail && ` · ${s.detail}`}
            </span>
            {s.tick?.note && (
              <p class="im-step__note" data-testid="im-step-note">
                {s.tick.note}
              </p>
            )}
            {noting.value === s.step ? (
              <form
                class="im-step__tick-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  run(() => state.tick(s.step, note.value));
                }}
              >
                <label for={`im-note-${s.step}`}>Note</label>
                <input
                  id={`im-note-${s.step}`}
                  maxLength={1000}
                  placeholder="Told execs on the bridge call"
                  value={note.value}
                  autoFocus
                  onInput={(e) => (note.value = e.currentTarget.value)}
                />
                <button type="submit" class="primary">
                  Tick
                </button>
                <button type="button" onClick={() => (noting.value = null)}>
                  Cancel
                </button>
              </form>
            ) : s.tick ? (
              <button type="button" aria-label={`Untick ${CHECKLIST_STEP_LABELS[s.step]}`} onClick={() => run(() => state.untick(s.step))}>
                Untick
              </button>
            ) : (
              s.status !== 'auto' && (
                <button
                  type="button"
                  aria-label={`Tick ${CHECKLIST_STEP_LABELS[s.step]} by hand`}
                  onClick={() => {
                    noting.value = s.step;
                    note.value = '';
                  }}
                >
                  Tick…
                </button>
              )
            )}
          </li>
        ))}
      </ol>
      <ErrorBanner message={error.value} />
    </section>
  );
}

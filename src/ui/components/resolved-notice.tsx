import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Incident, TimeDisplay } from '../../model';
import { formatClock, formatDay } from '../format-time';

interface Props {
  incident: Incident;
  timeDisplay: TimeDisplay;
  onDeclareNew(): void;
  onReopen(): void;
  onAddAnyway(): void;
}

/**
 * Stands where the note box would, once an incident is resolved: a note written at 3 a.m. to
 * the incident still selected from yesterday would be evidence in the wrong place. Adding to it
 * stays possible, as a choice made on purpose; the safe choice comes first.
 */
export function ResolvedNotice({ incident, timeDisplay, onDeclareNew, onReopen, onAddAnyway }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => first.current?.focus(), [incident.id]);
  const when = incident.resolvedAt ? resolvedWhen(incident.resolvedAt, timeDisplay) : '';
  return (
    <section class="resolved-notice" aria-labelledby="resolved-notice-title" data-testid="resolved-notice">
      <h2 id="resolved-notice-title" class="resolved-notice__title">
        {incident.key} is resolved{when && ` (${when})`}
      </h2>
      <p class="resolved-notice__text">Something new? Declare a new incident. Clips are held until you choose where they go.</p>
      <div class="resolved-notice__actions">
        <button type="button" class="primary" ref={first} onClick={onDeclareNew}>
          Declare new
        </button>
        <button type="button" onClick={onReopen}>
          Reopen
        </button>
        <button type="button" onClick={onAddAnyway}>
          Add anyway
        </button>
      </div>
    </section>
  );
}

/** `at 10:45`, or `Sat, 28 Nov 2026 10:45` when it was not today, in the zone the app shows. */
function resolvedWhen(iso: string, mode: TimeDisplay, now = new Date()): string {
  const clock = `${formatClock(iso, mode)}${mode === 'utc' ? ' UTC' : ''}`;
  return formatDay(iso, mode) === formatDay(now.toISOString(), mode) ? `at ${clock}` : `${formatDay(iso, mode)} ${clock}`;
}

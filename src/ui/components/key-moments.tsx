import type { IncidentPatch } from '../../db/incidents-repo';
import type { Incident, TimeDisplay } from '../../model';
import {
  KEY_MOMENTS,
  MEASURES,
  MEASURE_LABELS,
  MOMENT_FIELDS,
  MOMENT_LABELS,
  formatDuration,
  momentAt,
  timingsOf,
  type KeyMoment,
} from '../../process/key-moments';
import { formatClock } from '../format-time';

interface Props {
  incident: Incident;
  timeDisplay: TimeDisplay;
  /** Saves the patch; the repository logs each moment as a `change` entry on the timeline. */
  onUpdate(patch: IncidentPatch): void;
  /** The time "now" stands for (tests). */
  now?: () => Date;
}

/** What marking a moment now writes: resolving goes through the status, so the incident is resolved too. */
export function markNowPatch(moment: Exclude<KeyMoment, 'started'>, now: Date): IncidentPatch {
  const at = now.toISOString();
  return moment === 'resolved' ? { status: 'resolved', resolvedAt: at } : { [MOMENT_FIELDS[moment]]: at };
}

/**
 * The incident's key moments, each with "Now" until it is marked, and the times they give. Marked
 * by hand they are exact to the click; a backdated time is set in the incident's details.
 */
export function KeyMoments({ incident, timeDisplay, onUpdate, now = () => new Date() }: Props) {
  const timings = timingsOf(incident);
  return (
    <section class="key-moments" aria-labelledby={`key-moments-${incident.id}`}>
      <h3 id={`key-moments-${incident.id}`}>Key moments</h3>
      <ul>
        {KEY_MOMENTS.map((moment) => {
          const at = momentAt(incident, moment);
          return (
            <li key={moment} data-testid="key-moment" data-moment={moment}>
              <span>{MOMENT_LABELS[moment]}</span>{' '}
              {at ? (
                <time dateTime={at}>{formatClock(at, timeDisplay)}</time>
              ) : (
                moment !== 'started' && (
                  <button type="button" aria-label={`Mark ${MOMENT_LABELS[moment].toLowerCase()} now`} onClick={() => onUpdate(markNowPatch(moment, now()))}>
                    Now
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
      <p class="hint" data-testid="key-moment-times">
        {MEASURES.flatMap((m) => (timings.ms[m] === undefined ? [] : [`${MEASURE_LABELS[m]} ${formatDuration(timings.ms[m])}`])).join(' · ')}
      </p>
    </section>
  );
}

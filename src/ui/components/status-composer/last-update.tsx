import { STATUS_LABELS, type StatusUpdate, type TimeDisplay } from '../../../model';
import { dayKey, formatClock, formatDay } from '../../format-time';

/** What customers read last, above the composer, so the next update follows on from it. */
export function LastUpdate({ update, timeDisplay, now }: { update: StatusUpdate | undefined; timeDisplay: TimeDisplay; now: Date }) {
  if (!update) {
    return (
      <p class="status-composer__last hint" data-testid="last-public-update">
        Nothing published yet
      </p>
    );
  }
  const sameDay = dayKey(update.at, timeDisplay) === dayKey(now.toISOString(), timeDisplay);
  const when = `${sameDay ? '' : `${formatDay(update.at, timeDisplay)} `}${formatClock(update.at, timeDisplay)}`;
  return (
    <p class="status-composer__last" data-testid="last-public-update">
      <span class="status-composer__last-when">Last public update {when}</span> — {STATUS_LABELS[update.status]}: {update.body}
    </p>
  );
}

import { useSignal } from '@preact/signals';
import { QUADRANT_LABELS, STAKEHOLDER_CHANNEL_LABELS, STATUS_LABELS, type Incident, type TimeDisplay } from '../../model';
import { allTold, commsChecklist, type CommsItem } from '../../process/comms-checklist';
import { formatClock } from '../format-time';
import { useCreated } from '../hooks/use-created';
import { useApp } from '../state/context';
import { createCommsState, type CommsState } from '../state/comms-state';
import { ErrorBanner } from './error-banner';

/**
 * The communication checklist of the incident's latest update (key it by the incident's id): who
 * must hear it now at this severity, and how; "Told" records each telling on the timeline. Earlier
 * updates someone never heard about stay listed until they are told.
 */
export function CommsChecklist({ incident }: { incident: Incident }) {
  const { db, log } = useApp();
  const state = useCreated(() => createCommsState(db, incident.id, () => log.settings.value.author));
  return <CommsChecklistView incident={incident} state={state} timeDisplay={log.settings.value.timeDisplay} />;
}

export function CommsChecklistView({ incident, state, timeDisplay }: { incident: Incident; state: CommsState; timeDisplay: TimeDisplay }) {
  const error = useSignal<string | undefined>(undefined);
  const { now, owed } = commsChecklist({
    stakeholders: state.stakeholders.value,
    severity: incident.severity,
    updates: state.updates.value,
    comms: state.comms.value,
  });
  if (!now.length) return null;
  const latest = now[0]!.update;

  const tell = (item: CommsItem, channel: CommsItem['channels'][number]) =>
    void state.tell(item.stakeholder, channel, item.update).then(
      () => (error.value = undefined),
      (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
    );

  const row = (item: CommsItem) => (
    <li key={`${item.update.id}|${item.stakeholder.id}`} class={`comms-item${item.told.length ? ' is-told' : ''}`} data-testid="comms-item">
      <span class="comms-item__who">
        {item.told.length ? '✓ ' : ''}
        {item.stakeholder.name}
      </span>{' '}
      <span class="badge">{QUADRANT_LABELS[item.quadrant]}</span>
      {item.stakeholder.reach && <span class="hint"> · {item.stakeholder.reach}</span>}
      <span class="comms-item__channels">
        {item.channels.map((channel) => {
          const told = item.told.find((t) => t.channel === channel);
          if (told) {
            return (
              <span key={channel} class="hint" data-testid="comms-told">
                {' '}
                {channel === 'status-page' ? 'on the status page' : `told by ${STAKEHOLDER_CHANNEL_LABELS[channel]} ${formatClock(told.at, timeDisplay)}`}
              </span>
            );
          }
          return (
            <button
              key={channel}
              type="button"
              aria-label={`Told ${item.stakeholder.name} by ${STAKEHOLDER_CHANNEL_LABELS[channel]}`}
              title={`Record that ${item.stakeholder.name} was told by ${STAKEHOLDER_CHANNEL_LABELS[channel]}`}
              onClick={() => tell(item, channel)}
            >
              Told · {STAKEHOLDER_CHANNEL_LABELS[channel]}
            </button>
          );
        })}
      </span>
    </li>
  );

  const waiting = now.filter((i) => !i.told.length).length;
  return (
    <section class="comms-checklist" aria-labelledby="comms-heading">
      <h3 id="comms-heading">Who must hear the “{STATUS_LABELS[latest.status]}” update</h3>
      <p class="hint" role="status" data-testid="comms-summary">
        {allTold(now) ? 'Everyone it must reach has been told.' : `${waiting} still to tell at ${incident.severity}.`}
      </p>
      <ul aria-label="Must hear now">{now.map(row)}</ul>
      {owed.length > 0 && (
        <>
          <h4>Still owed from earlier updates</h4>
          <ul aria-label="Still owed">
            {owed.map((item) => (
              <li key={`${item.update.id}|${item.stakeholder.id}|owed`} data-testid="comms-owed">
                <span class="hint">
                  “{STATUS_LABELS[item.update.status]}” {formatClock(item.update.at, timeDisplay)}:{' '}
                </span>
                <ul>{row(item)}</ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorBanner message={error.value} />
    </section>
  );
}

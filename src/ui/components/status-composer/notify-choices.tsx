import { openOptionsPage } from '../../open-options';
import type { EmailNotifier, Notifier, Severity } from '../../../model';

/** How a notifier's kind reads after its name: "#incidents · Slack". */
export const NOTIFIER_KIND_LABELS: Record<Notifier['kind'], string> = {
  slack: 'Slack',
  teams: 'Teams',
  webhook: 'webhook',
  email: 'email draft',
};

type SentNotifier = Exclude<Notifier, EmailNotifier>;

export interface OfferedNotifiers {
  /** Slack, Teams and webhooks: Sitrep sends to these once the update is saved. */
  sent: SentNotifier[];
  /** Emails: drafts the person sends from their own mail client, offered once the update is out. */
  drafts: EmailNotifier[];
  /** How many configured notifiers are for other severities only. */
  others: number;
}

/** The notifiers an update of this severity offers, in the order they are configured. */
export function offeredNotifiers(notifiers: readonly Notifier[], severity: Severity): OfferedNotifiers {
  const offered = notifiers.filter((n) => n.severities.includes(severity));
  return {
    sent: offered.filter((n): n is SentNotifier => n.kind !== 'email'),
    drafts: offered.filter((n): n is EmailNotifier => n.kind === 'email'),
    others: notifiers.length - offered.length,
  };
}

/**
 * The notifier ids an update is queued for: every channel offered for its severity that the
 * person did not uncheck. Emails are never queued: nothing sends them but the person.
 */
export function chosenNotifierIds(notifiers: readonly Notifier[], severity: Severity, unchecked: ReadonlySet<string>): string[] {
  return offeredNotifiers(notifiers, severity)
    .sent.filter((n) => !unchecked.has(n.id))
    .map((n) => n.id);
}

interface Props {
  notifiers: readonly Notifier[];
  severity: Severity;
  /** The offered channels this update is not to go to; everything else is checked. */
  unchecked: ReadonlySet<string>;
  onToggle(notifierId: string, checked: boolean): void;
}

/**
 * "Tell": who hears about this update besides the status page. Checked by default, because the
 * process says who is told at which severity; unchecking is the exception for one update.
 */
export function NotifyChoices({ notifiers, severity, unchecked, onToggle }: Props) {
  if (!notifiers.length) {
    return (
      <p class="hint status-composer__notify-none" data-testid="notify-not-set-up">
        No one else is told about updates yet: add a Slack or Teams channel, a webhook or an email in{' '}
        <a href="#" onClick={openOptionsPage}>
          Settings → Notifications
        </a>
        .
      </p>
    );
  }
  const { sent, drafts, others } = offeredNotifiers(notifiers, severity);
  return (
    <fieldset class="status-composer__notify" data-testid="notify-choices">
      <legend>Tell</legend>
      {sent.map((notifier) => {
        const id = `composer-notify-${notifier.id}`;
        return (
          <div key={notifier.id} class="status-composer__notifier">
            <input id={id} type="checkbox" checked={!unchecked.has(notifier.id)} onChange={(e) => onToggle(notifier.id, e.currentTarget.checked)} />
            <label for={id}>
              {notifier.name} · {NOTIFIER_KIND_LABELS[notifier.kind]}
            </label>
          </div>
        );
      })}
      {drafts.length > 0 && (
        <p class="hint" data-testid="notify-drafts">
          Once published, draft an email to {drafts.map((n) => n.name).join(', ')} (your mail client sends it).
        </p>
      )}
      {!sent.length && !drafts.length && <p class="hint">No channel is set up for {severity}.</p>}
      {others > 0 && (
        <p class="hint" data-testid="notify-others">
          {others === 1 ? '1 channel is' : `${others} channels are`} for other severities.
        </p>
      )}
    </fieldset>
  );
}

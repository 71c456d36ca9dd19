import {
  STATUS_LABELS,
  siteUrlOf,
  type EmailNotifier,
  type Incident,
  type Notification,
  type PublishTarget,
  type StatusUpdate,
  type TimeDisplay,
  type TimelineEntry,
} from '../../../model';
import { emailDraft } from '../../../publish/notifiers/email';
import { formatClock } from '../../format-time';

/** The incident's page on the published site (the first target's), as the background links it. */
export function statusPageUrlOf(targets: readonly PublishTarget[], incidentId: string): string | undefined {
  const site = targets[0];
  if (!site) return undefined;
  try {
    return new URL(`incidents/${incidentId}.html`, `${siteUrlOf(site).replace(/\/+$/, '')}/`).href;
  } catch {
    return undefined;
  }
}

/** What the email says: the update and the incident's public words, never its notes or internal title. */
export function notificationOf(incident: Incident, update: StatusUpdate, targets: readonly PublishTarget[]): Notification {
  const statusPageUrl = statusPageUrlOf(targets, incident.id);
  return {
    updateId: update.id,
    incidentKey: incident.key,
    publicTitle: incident.publicTitle,
    severity: incident.severity,
    status: update.status,
    message: update.body,
    at: update.at,
    ...(statusPageUrl && { statusPageUrl }),
  };
}

/** The timeline's record of a draft: who it was for, at which addresses, about which update. */
export function draftedText(notifier: EmailNotifier, update: StatusUpdate): string {
  return `Drafted an email to ${notifier.name} (${notifier.to}) about the “${STATUS_LABELS[update.status]}” update`;
}

/**
 * The draft of `notifier` about `update` recorded last, if any. Only the latest update offers
 * drafts, so a matching entry written since it was posted is about it.
 */
function draftedAt(comms: readonly TimelineEntry[], notifier: EmailNotifier, update: StatusUpdate): TimelineEntry | undefined {
  const text = draftedText(notifier, update);
  return comms.findLast((e) => e.kind === 'comms' && e.text === text && e.at >= update.at);
}

interface Props {
  incident: Incident;
  /** The incident's latest public update: drafts are about what customers read now. */
  update: StatusUpdate | undefined;
  /** The email notifiers offered for the incident's severity. */
  notifiers: readonly EmailNotifier[];
  targets: readonly PublishTarget[];
  /** The incident's comms entries, to say which drafts were opened already. */
  comms: readonly TimelineEntry[];
  timeDisplay: TimeDisplay;
  onDrafted(notifier: EmailNotifier, update: StatusUpdate): void;
}

/**
 * "Draft email to Exec": real `mailto:` links, one per email notifier. A link rather than a
 * script-opened window: the person sees where it goes, can copy it or open it with the middle
 * button, and the browser hands it to their mail client as it does any mail link. It opens in a
 * new tab so a web mail handler (Gmail) does not replace the popup. Kept for the latest update
 * (not only just after publishing): the popup closes when the mail client takes focus, and the
 * next draft must still be there when it reopens.
 */
export function EmailDrafts({ incident, update, notifiers, targets, comms, timeDisplay, onDrafted }: Props) {
  if (!update || !notifiers.length) return null;
  const notification = notificationOf(incident, update, targets);
  return (
    <div class="status-composer__drafts" role="group" aria-labelledby="composer-drafts-heading">
      <p id="composer-drafts-heading" class="hint">
        Emails about the “{STATUS_LABELS[update.status]}” update, sent from your mail client:
      </p>
      <ul>
        {notifiers.map((notifier) => {
          const draft = emailDraft(notification, notifier);
          const drafted = draftedAt(comms, notifier, update);
          // Built by us from percent-encoded parts; anything else is not offered as a link.
          if (!draft.href.startsWith('mailto:')) return null;
          const opened = () => onDrafted(notifier, update);
          return (
            <li key={notifier.id}>
              <a
                href={draft.href}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="email-draft"
                onClick={opened}
                onAuxClick={(e) => e.button === 1 && opened()}
              >
                Draft email to {notifier.name}
              </a>
              {drafted && <span class="hint"> · drafted {formatClock(drafted.at, timeDisplay)}</span>}
              {draft.truncated && <span class="hint"> · message shortened to fit a mail link</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { useSignal } from '@preact/signals';
import { recordEscalation } from '../../db/comms-repo';
import type { Component, TimelineEntry } from '../../model';
import { useContext } from 'preact/hooks';
import { AppContext } from '../state/context';

/** How an escalation goes out, by its contact's link: an on-call or chat page, or an email draft. */
export function escalationKind(reach: string): 'web' | 'mailto' | undefined {
  try {
    const protocol = new URL(reach).protocol;
    return protocol === 'mailto:' ? 'mailto' : /^https?:$/.test(protocol) ? 'web' : undefined;
  } catch {
    return undefined;
  }
}

/** What the escalation says: the incident, the component, what was seen and the clip's frozen link. */
export function escalationMessage(entry: TimelineEntry, component: Component, incidentKey?: string): string {
  const seen = entry.text.trim().replace(/\s+/g, ' ');
  const link = entry.clip?.frozenUrl ?? entry.sourceUrl;
  return [
    `${incidentKey ? `${incidentKey}: ` : ''}we need ${component.owner || 'the owners'} on ${component.name}.`,
    seen && `Seen: ${seen.length > 300 ? `${seen.slice(0, 299)}…` : seen}`,
    link && `Link (exact time window): ${link}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The contact's mail link with a subject and the message as its body, kept to what mail clients take. */
export function escalationMailto(reach: string, subject: string, body: string): string {
  const url = new URL(reach);
  url.searchParams.set('subject', subject);
  url.searchParams.set('body', body.slice(0, 1500));
  // URLSearchParams writes spaces as `+`, which mail clients show as plus signs.
  return url.href.replace(/\+/g, '%20');
}

interface Props {
  entry: TimelineEntry;
  components: ReadonlyMap<string, Component>;
  incidentKey?: string;
  /** Copies text for chat; the clipboard by default. */
  copy?: (text: string) => Promise<void>;
}

/**
 * "Escalate" on a clip tagged with a component that has an escalation contact: opens their on-call
 * or chat page, or drafts the email with the clip's frozen link, and records it on the timeline.
 * "Copy message" puts the same words on the clipboard for a chat. Real links, so the person sees
 * where it goes; only http(s) and mailto contacts are offered.
 */
export function EscalateButtons({ entry, components, incidentKey, copy = (t) => navigator.clipboard.writeText(t) }: Props) {
  const app = useContext(AppContext);
  const said = useSignal<string | undefined>(undefined);
  const targets = (entry.clip?.componentIds ?? []).flatMap((id) => {
    const component = components.get(id);
    const kind = component?.escalation && escalationKind(component.escalation.reach);
    return component?.escalation && kind ? [{ component, contact: component.escalation, kind }] : [];
  });
  // Outside an extension page (no log to record on) nothing is offered.
  if (!app || entry.kind === 'comms' || !targets.length) return null;
  const { db, log } = app;

  const record = (component: Component, contact: string, how: string) =>
    recordEscalation(
      db,
      { incidentId: entry.incidentId, componentId: component.id, componentName: component.name, contact, how, entryId: entry.id },
      { author: log.settings.value.author },
    ).then(
      () => (said.value = `Escalation to ${contact} recorded`),
      (e: unknown) => (said.value = `Could not record the escalation: ${e instanceof Error ? e.message : String(e)}`),
    );

  return (
    <div class="escalate" role="group" aria-label="Escalate">
      {targets.map(({ component, contact, kind }) => {
        const message = escalationMessage(entry, component, incidentKey);
        const href =
          kind === 'mailto' ? escalationMailto(contact.reach, `${incidentKey ? `${incidentKey} ` : ''}Escalation: ${component.name}`, message) : contact.reach;
        const opened = () => void record(component, contact.name, kind === 'mailto' ? 'by email draft' : 'by their on-call page');
        return (
          <span key={component.id} class="escalate__target">
            <a
              class="button"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="escalate"
              title={kind === 'mailto' ? `Draft an email to ${contact.name}` : `Open ${new URL(contact.reach).host}`}
              onClick={opened}
              onAuxClick={(e) => e.button === 1 && opened()}
            >
              Escalate to {contact.name} ({component.name})
            </a>{' '}
            <button
              type="button"
              aria-label={`Copy an escalation message for ${contact.name}`}
              onClick={() =>
                void copy(message).then(
                  () => record(component, contact.name, 'by a chat message (copied)'),
                  () => (said.value = 'Could not copy: the browser refused the clipboard'),
                )
              }
            >
              Copy message
            </button>
          </span>
        );
      })}
      {said.value && (
        <span class="hint" role="status" data-testid="escalate-status">
          {said.value}
        </span>
      )}
    </div>
  );
}

import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentStatus, Incident, IncidentStatus } from '../../model';
import { nextUpdateDue } from '../../publish/cadence';
import { useCreated } from '../hooks/use-created';
import { useNow } from '../hooks/use-now';
import { describeUpdateDue } from '../publish-status-text';
import { useApp } from '../state/context';
import { updateDraftsItem } from '../../db/storage-items';
import { createDraftsState } from '../state/drafts-state';
import { createPublishState } from '../state/publish-state';
import { UPDATE_TEMPLATES, fillTemplate, type UpdateTemplateId } from '../update-templates';
import { CommsChecklist } from './comms-checklist';
import { ErrorBanner } from './error-banner';
import { StatusSelect } from './status-select';
import { ComponentStatuses } from './status-composer/component-statuses';
import { affectedBy, componentsToPost, errorSentence, proposeResolved, type ChosenStatuses } from './status-composer/composer-model';
import { EmailDrafts, draftedText } from './status-composer/email-drafts';
import { LastUpdate } from './status-composer/last-update';
import { NotifyChoices, chosenNotifierIds, offeredNotifiers } from './status-composer/notify-choices';
import { PublishTargets } from './status-composer/publish-targets';
import { TemplateButtons } from './status-composer/template-buttons';

/**
 * The public status update for the active incident (key it by the incident's id): what customers
 * read, when they must next hear from us, and whether it reached the status site. Only what is
 * written here is published; notes, clips and the internal title stay on this machine.
 */
export function StatusComposer({ incident }: { incident: Incident }) {
  const { db, log } = useApp();
  const publish = useCreated(() => createPublishState(db, incident.id, () => log.settings.value.author));
  const drafts = useCreated(() => createDraftsState(updateDraftsItem));
  const now = useNow(60_000);
  const settings = log.settings.value;
  const updates = publish.updates.value;
  const components = publish.publicComponents.value;
  const targets = publish.targets.value;
  const notifiers = publish.notifiers.value;
  const due = nextUpdateDue(incident, updates, settings.cadence, now);

  /** Opened or closed by the person; until then open while customers are owed an update. */
  const expanded = useSignal<boolean | undefined>(undefined);
  const open = expanded.value ?? (!!due && (due.first || due.overdue));

  const publicTitle = useSignal(incident.publicTitle);
  const publicImpact = useSignal(incident.publicImpact);
  const status = useSignal<IncidentStatus>(incident.status);
  const body = useSignal('');
  // The message is kept as it is typed: closing the popup mid-sentence loses nothing.
  useEffect(() => {
    let live = true;
    void drafts.ready.then(() => {
      if (live && !body.value) body.value = drafts.get(incident.id);
    });
    return () => {
      live = false;
    };
  }, []);
  const setBody = (text: string) => {
    body.value = text;
    void drafts.set(incident.id, text);
  };
  const chosen = useSignal<ChosenStatuses>({});
  /** Channels this update is not to go to; the rest of those offered for the severity are told. */
  const untold = useSignal<ReadonlySet<string>>(new Set());
  /** The message exactly as a template last wrote it: replacing that loses nothing typed. */
  const templateText = useSignal<string | undefined>(undefined);
  const asking = useSignal<UpdateTemplateId | undefined>(undefined);
  const busy = useSignal(false);
  const error = useSignal<string | undefined>(undefined);
  const saved = useSignal<string | undefined>(undefined);

  const titleInput = useRef<HTMLInputElement>(null);
  const messageInput = useRef<HTMLTextAreaElement>(null);

  function chooseStatus(next: IncidentStatus) {
    status.value = next;
    if (next === 'resolved') chosen.value = proposeResolved(components, chosen.value, affectedBy(updates));
  }

  function applyTemplate(id: UpdateTemplateId) {
    const filled = fillTemplate(id, { publicTitle: publicTitle.value, publicImpact: publicImpact.value });
    asking.value = undefined;
    chooseStatus(filled.status);
    setBody((templateText.value = filled.body));
    saved.value = undefined;
    messageInput.current?.focus();
  }

  function pickTemplate(id: UpdateTemplateId) {
    const untouched = !body.value.trim() || body.value === templateText.value;
    if (untouched) applyTemplate(id);
    else asking.value = id;
  }

  /** Keeps what was written for the public as soon as it is, so closing the popup loses none of it. */
  function keepPublicText(field: 'publicTitle' | 'publicImpact', value: string) {
    const text = value.trim();
    if (text !== incident[field]) void log.update(incident.id, { [field]: text });
  }

  async function publishNow() {
    if (busy.value) return;
    busy.value = true;
    saved.value = undefined;
    try {
      await publish.post({
        incidentId: incident.id,
        status: status.value,
        body: body.value.trim(),
        components: componentsToPost(components, chosen.value, affectedBy(updates)),
        publicTitle: publicTitle.value.trim(),
        publicImpact: publicImpact.value.trim(),
        notify: chosenNotifierIds(notifiers, incident.severity, untold.value),
      });
      error.value = undefined;
      setBody('');
      templateText.value = undefined;
      asking.value = undefined;
      chosen.value = {};
      // Unchecking is for one update: the next one goes to everyone the process says again.
      untold.value = new Set();
      expanded.value = true;
      saved.value = targets.length ? 'Saved; publishing…' : 'Saved on the timeline; it goes out once publishing is set up.';
    } catch (e) {
      // Nothing typed is cleared: the person fixes what the sentence names and publishes again.
      error.value = errorSentence(e);
      (publicTitle.value.trim() ? messageInput : titleInput).current?.focus();
    } finally {
      busy.value = false;
    }
  }

  const dueText = describeUpdateDue(due, now);
  return (
    <section class="status-composer" aria-labelledby="composer-heading">
      <div class="status-composer__head">
        <h2 id="composer-heading">
          <button type="button" class="status-composer__toggle" aria-expanded={open} aria-controls="composer-body" onClick={() => (expanded.value = !open)}>
            Public status update
          </button>
        </h2>
        <p class={`status-composer__due${due?.overdue ? ' is-overdue' : ''}`} role="status" data-testid="update-due">
          {dueText}
        </p>
      </div>
      <div id="composer-body" class="status-composer__body" hidden={!open}>
        <LastUpdate update={updates.at(-1)} timeDisplay={settings.timeDisplay} now={now} />
        <form
          class="status-composer__form"
          aria-label="Public status update"
          onSubmit={(e) => {
            e.preventDefault();
            void publishNow();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void publishNow();
            } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
              // A plain Enter in a one-line field must not publish to customers by accident.
              e.preventDefault();
            }
          }}
        >
          <div class="field">
            <label for="composer-public-title">Public title</label>
            <input
              id="composer-public-title"
              ref={titleInput}
              maxLength={255}
              placeholder="Card payments failing"
              aria-describedby="composer-public-hint"
              value={publicTitle.value}
              onInput={(e) => (publicTitle.value = e.currentTarget.value)}
              onChange={(e) => keepPublicText('publicTitle', e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="composer-public-impact">Public impact</label>
            <input
              id="composer-public-impact"
              maxLength={5000}
              placeholder="failed card payments for some customers"
              aria-describedby="composer-public-hint"
              value={publicImpact.value}
              onInput={(e) => (publicImpact.value = e.currentTarget.value)}
              onChange={(e) => keepPublicText('publicImpact', e.currentTarget.value)}
            />
          </div>
          <p id="composer-public-hint" class="hint">
            Customers see only these fields, the message and the component statuses. Notes, clips and the internal title never leave this machine.
          </p>
          <TemplateButtons
            asking={UPDATE_TEMPLATES.find((t) => t.id === asking.value)}
            onPick={pickTemplate}
            onReplace={() => asking.value && applyTemplate(asking.value)}
            onKeep={() => {
              asking.value = undefined;
              messageInput.current?.focus();
            }}
          />
          <StatusSelect id="composer-status" value={status.value} onChange={chooseStatus} />
          <div class="field">
            <label for="composer-message">Message</label>
            <textarea
              id="composer-message"
              ref={messageInput}
              rows={4}
              maxLength={25_000}
              placeholder="What customers should know now. Ctrl+Enter publishes"
              aria-describedby="composer-keys"
              value={body.value}
              onInput={(e) => {
                setBody(e.currentTarget.value);
                saved.value = undefined;
              }}
            />
            <p id="composer-keys" class="hint">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> publishes (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac).
            </p>
          </div>
          <NotifyChoices
            notifiers={notifiers}
            severity={incident.severity}
            unchecked={untold.value}
            onToggle={(id, checked) => {
              const next = new Set(untold.value);
              if (checked) next.delete(id);
              else next.add(id);
              untold.value = next;
            }}
          />
          <ComponentStatuses
            components={components}
            chosen={chosen.value}
            onChoose={(id: string, next: ComponentStatus) => (chosen.value = { ...chosen.value, [id]: next })}
          />
          <ErrorBanner message={error.value} />
          <div class="status-composer__actions">
            <button type="submit" class="primary" disabled={busy.value}>
              Publish
            </button>
            <p class="hint" role="status" data-testid="composer-saved">
              {saved.value ?? ''}
            </p>
          </div>
        </form>
      </div>
      {/* Who must hear the latest update and how; outside the collapsible part, like the drafts, so what is owed stays in sight. */}
      <CommsChecklist key={incident.id} incident={incident} />
      {/* Outside the collapsible part: the popup closes when the mail client opens, and the next draft must be there when it reopens. */}
      <EmailDrafts
        incident={incident}
        update={updates.at(-1)}
        notifiers={offeredNotifiers(notifiers, incident.severity).drafts}
        targets={targets}
        comms={publish.comms.value}
        timeDisplay={settings.timeDisplay}
        onDrafted={(notifier, update) =>
          void publish.recordComms(draftedText(notifier, update)).catch((e: unknown) => {
            error.value = errorSentence(e);
          })
        }
      />
      {/* Outside the collapsible part: "Host unreachable" must show without opening anything. */}
      <PublishTargets
        targets={targets}
        notifiers={notifiers}
        results={publish.results.value}
        timeDisplay={settings.timeDisplay}
        onRetry={() =>
          void publish.retryNow().catch((e: unknown) => {
            error.value = errorSentence(e);
          })
        }
      />
    </section>
  );
}

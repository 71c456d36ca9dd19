import { ENTRY_KIND_LABELS, type Component, type TimeDisplay, type TimelineEntry } from '../../../model';
import { ClipDetails } from './clip-details';
import { EscalateButtons } from '../escalate-button';
import { formatClock, formatClockSeconds, formatDay } from '../../format-time';
import { Icon } from '../icons';
import { SourceLink, Untrusted } from './untrusted';

/** True for an http(s) address: those a clip shows as its own link. */
function isWebUrl(href: string): boolean {
  return /^https?:$/.test(URL.canParse(href) ? new URL(href).protocol : '');
}

interface Props {
  entry: TimelineEntry;
  timeDisplay: TimeDisplay;
  highlighted: boolean;
  components: ReadonlyMap<string, Component>;
  onEdit(): void;
  onStar(): void;
  onDelete(): void;
  onCopyLink(): void;
}

/**
 * One timeline entry. Text is rendered as text, each untrusted piece isolated on its own; only
 * the model's http(s) links become links, named by their real host. A long author is cut short
 * (in full on hover) and long text wraps, so the row's controls always stay in view.
 */
export function EntryRow({ entry, timeDisplay, highlighted, components, onEdit, onStar, onDelete, onCopyLink }: Props) {
  const exact = `${formatDay(entry.at, timeDisplay)} ${formatClockSeconds(entry.at, timeDisplay)}${timeDisplay === 'utc' ? ' UTC' : ''}`;
  return (
    <article class={`entry kind-${entry.kind}${highlighted ? ' highlighted' : ''}`} data-testid="entry" data-entry-id={entry.id}>
      <time class="entry__time" dateTime={entry.at} title={`${exact} · recorded ${new Date(entry.recordedAt).toISOString()}`}>
        {formatClock(entry.at, timeDisplay)}
      </time>
      <div class="entry__body">
        <div class="entry__meta">
          {entry.kind !== 'note' && <span class={`badge kind kind-${entry.kind}`}>{ENTRY_KIND_LABELS[entry.kind]}</span>}
          {entry.author && <Untrusted class="entry__author" text={entry.author} hover />}
        </div>
        <p class="entry__text" data-testid="entry-text">
          <Untrusted text={entry.text} />
        </p>
        {entry.clip && <ClipDetails clip={entry.clip} timeDisplay={timeDisplay} components={components} at={entry.at} href={entry.sourceUrl} />}
        {entry.sourceUrl && !(entry.clip && isWebUrl(entry.sourceUrl)) && <SourceLink class="entry__source" href={entry.sourceUrl} />}
        {entry.clip && <EscalateButtons entry={entry} components={components} />}
      </div>
      <div class="entry__actions">
        <button
          type="button"
          class={`icon star${entry.starred ? ' on' : ''}`}
          aria-pressed={entry.starred}
          aria-label={entry.starred ? 'Unstar (s)' : 'Star (s)'}
          title={entry.starred ? 'Unstar (s)' : 'Star (s)'}
          onClick={onStar}
        >
          {entry.starred ? '★' : '☆'}
        </button>
        <button type="button" class="icon" aria-label="Edit (e)" title="Edit (e)" onClick={onEdit}>
          <Icon name="edit" />
        </button>
        <button type="button" class="icon" aria-label="Copy link (c)" title="Copy link (c)" onClick={onCopyLink}>
          <Icon name="link" />
        </button>
        <button type="button" class="icon" aria-label="Delete (Delete)" title="Delete (Delete)" onClick={onDelete}>
          <Icon name="trash" />
        </button>
      </div>
    </article>
  );
}

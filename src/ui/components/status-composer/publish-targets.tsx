import { openOptionsPage } from '../../open-options';
import type { Notifier, PublishResult, PublishTarget, TimeDisplay } from '../../../model';
import { notifierResultId } from '../../../db/outbox-repo';
import { targetLabel } from '../../target-label';
import { useNow } from '../../hooks/use-now';
import { canRetryNow, describeInstant, describePublishResult, type WordingOptions } from '../../publish-status-text';

interface Props {
  targets: readonly PublishTarget[];
  /** Who is told about updates; each one that has been told shows how it went. */
  notifiers?: readonly Notifier[];
  results: readonly PublishResult[];
  timeDisplay: TimeDisplay;
  onRetry(): void;
}

/**
 * A notifier's last result in words: "Sent 12:04:31", "Slack answered 500, retrying in 30 s".
 * Failures read as the target's do; a message is sent, not published.
 */
export function describeNotifierResult(result: PublishResult | undefined, options: WordingOptions): string {
  switch (result?.state) {
    case undefined:
      return 'Not sent yet';
    case 'pending':
      return 'Waiting to send';
    case 'publishing':
      return 'Sending…';
    case 'published':
      return `Sent ${describeInstant(result.publishedAt ?? result.at, options)}`;
    default:
      return describePublishResult(result, options);
  }
}

/** Where the site goes, who was told, and how the last publish and message went, in words; or how to set publishing up. */
export function PublishTargets({ targets, notifiers = [], results, timeDisplay, onRetry }: Props) {
  const byTarget = new Map(results.map((r) => [r.targetId, r]));
  const shown = targets.map((target) => ({ target, result: byTarget.get(target.id) }));
  // Emails are drafts the person sends: they have no result. A channel never told yet has none to show.
  const told = notifiers.flatMap((notifier) => {
    const result = notifier.kind === 'email' ? undefined : byTarget.get(notifierResultId(notifier.id));
    return result ? [{ notifier, result }] : [];
  });
  const all = [...shown.map((s) => s.result), ...told.map((t) => t.result)];
  const retrying = all.some((result) => result?.state === 'retrying');
  // Counts the retry down by the second only while there is one to count.
  const now = useNow(retrying ? 1000 : 30_000);

  const notSetUp = !targets.length && (
    <p class="hint status-composer__not-set-up" data-testid="publishing-not-set-up">
      Publishing is not set up: the update is kept on the timeline and goes out once a host is set in{' '}
      <a href="#" onClick={openOptionsPage}>
        Settings → Publishing
      </a>
      .
    </p>
  );
  if (!shown.length && !told.length) return notSetUp || null;
  return (
    <div class="status-composer__targets">
      {notSetUp}
      <div role="status" aria-label="Publishing">
        {shown.map(({ target, result }) => (
          <p key={target.id} class="status-composer__result" data-state={result?.state ?? 'none'} data-testid="publish-result">
            {shown.length > 1 && <span class="status-composer__target-host">{targetLabel(target)}: </span>}
            {describePublishResult(result, { now, timeDisplay })}
          </p>
        ))}
        {told.map(({ notifier, result }) => (
          <p key={notifier.id} class="status-composer__result" data-state={result.state} data-testid="notify-result">
            <span class="status-composer__target-host">{notifier.name}: </span>
            {describeNotifierResult(result, { now, timeDisplay })}
          </p>
        ))}
      </div>
      {all.some(canRetryNow) && (
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

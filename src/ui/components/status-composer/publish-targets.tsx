import { browser } from 'wxt/browser';
import type { HostTarget, PublishResult, TimeDisplay } from '../../../model';
import { useNow } from '../../hooks/use-now';
import { canRetryNow, describePublishResult } from '../../publish-status-text';

interface Props {
  targets: readonly HostTarget[];
  results: readonly PublishResult[];
  timeDisplay: TimeDisplay;
  onRetry(): void;
}

/** Where the site goes and how the last publish went, in words; or how to set publishing up. */
export function PublishTargets({ targets, results, timeDisplay, onRetry }: Props) {
  const byTarget = new Map(results.map((r) => [r.targetId, r]));
  const shown = targets.map((target) => ({ target, result: byTarget.get(target.id) }));
  const retrying = shown.some(({ result }) => result?.state === 'retrying');
  // Counts the retry down by the second only while there is one to count.
  const now = useNow(retrying ? 1000 : 30_000);

  if (!targets.length) {
    return (
      <p class="hint status-composer__not-set-up" data-testid="publishing-not-set-up">
        Publishing is not set up: the update is kept on the timeline and goes out once a host is set in{' '}
        <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
          Settings → Publishing
        </a>
        .
      </p>
    );
  }
  return (
    <div class="status-composer__targets">
      <div role="status" aria-label="Publishing">
        {shown.map(({ target, result }) => (
          <p key={target.id} class="status-composer__result" data-state={result?.state ?? 'none'} data-testid="publish-result">
            {shown.length > 1 && <span class="status-composer__target-host">{hostOf(target.url)}: </span>}
            {describePublishResult(result, { now, timeDisplay })}
          </p>
        ))}
      </div>
      {shown.some(({ result }) => canRetryNow(result)) && (
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

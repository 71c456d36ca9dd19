import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ClipMessage } from '../../model/messages';
import { ClipResult } from '../../model/script-results';
import { useApp } from '../state/context';

/**
 * "Clip this page": the same clip as the shortcut and the menu, run by the background for the
 * tab under the popup, with the screenshot toggle beside it.
 */
export function ClipButton() {
  const { log } = useApp();
  const result = useSignal<ClipResult | undefined>(undefined);
  const busy = useSignal(false);
  const screenshot = log.settings.value.screenshotOnClip;

  async function clip() {
    busy.value = true;
    try {
      const message: ClipMessage = { type: 'clip', screenshot };
      // The answer crosses from the background: parsed, not trusted to be what was asked for.
      const answer = ClipResult.safeParse(await browser.runtime.sendMessage(message));
      result.value = answer.success ? answer.data : { status: 'failed', error: 'The clipper gave no answer; try again.' };
    } catch (e) {
      result.value = { status: 'failed', error: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = false;
    }
  }

  const r = result.value;
  return (
    <div class="clip-button">
      <div class="clip-button__row">
        <button type="button" class="primary" onClick={() => void clip()} disabled={busy.value}>
          Clip this page
        </button>
        <label class="inline">
          <input type="checkbox" checked={screenshot} onChange={(e) => void log.changeSettings({ screenshotOnClip: e.currentTarget.checked })} />
          with screenshot
        </label>
      </div>
      <p class={`hint${r?.status === 'failed' ? ' error' : ''}`} role="status" aria-live="polite" data-testid="clip-result">
        {r?.status === 'added' && `Clipped to ${r.incidentKey}. ${r.notices.join(' ')}`}
        {r?.status === 'held' && `Clip kept: choose its incident below. ${r.notices.join(' ')}`}
        {r?.status === 'failed' && `The clip failed: ${r.error}`}
      </p>
    </div>
  );
}

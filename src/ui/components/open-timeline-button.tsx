import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Props {
  /** Opens the timeline beside this window (the background side's `openTimeline`). */
  open(target: { windowId?: number }): Promise<void>;
  /** What closes the popup once the timeline is open. */
  close?(): void;
}

/**
 * The popup's "Open timeline". The window is looked up as the popup opens, so the side panel
 * opens inside the click's user gesture; without it the current window is meant. A failure is
 * said beside the button, and the popup stays open.
 */
export function OpenTimelineButton({ open, close = () => window.close() }: Props) {
  const windowId = useSignal<number | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => (windowId.value = w.id),
      // The current window is then meant: the panel still opens, just not by id.
      (error: unknown) => console.warn('Sitrep: could not read the current window.', error),
    );
  }, []);
  function onClick() {
    problem.value = undefined;
    open({ windowId: windowId.value }).then(close, (error: unknown) => {
      problem.value = `Could not open the timeline: ${error instanceof Error ? error.message : String(error)}`;
    });
  }
  return (
    <>
      <button type="button" onClick={onClick}>
        Open timeline
      </button>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
    </>
  );
}

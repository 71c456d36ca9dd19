import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { getScreenshot } from '../../../db/clips-repo';
import type { Screenshot } from '../../../model';
import { useApp } from '../../state/context';

/** An object URL for a Blob, revoked when the component goes or the Blob changes. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const url = useSignal<string | undefined>(undefined);
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    url.value = made;
    return () => {
      URL.revokeObjectURL(made);
      url.value = undefined;
    };
  }, [blob]);
  return url.value;
}

/** A clip's screenshot as a thumbnail; activating it opens the full picture in a dialog. */
export function ScreenshotThumb({ id, label }: { id: string; label: string }) {
  const { db } = useApp();
  const shot = useSignal<Screenshot | undefined | null>(undefined);
  const open = useSignal(false);
  /** Why the picture could not be read: said where it would be, never an unhandled rejection. */
  const failed = useSignal<string | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let live = true;
    failed.value = undefined;
    getScreenshot(db, id).then(
      (s) => live && (shot.value = s ?? null),
      (error: unknown) => live && (failed.value = error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(() => {
    if (open.value) dialog.current?.showModal();
  }, [open.value]);

  const thumb = useObjectUrl(shot.value?.thumbnail);
  const full = useObjectUrl(open.value ? shot.value?.image : undefined);
  if (failed.value) return <p class="hint">Screenshot could not be read: {failed.value}</p>;
  if (shot.value === null) return <p class="hint">Screenshot missing</p>;
  if (!thumb) return null;
  return (
    <>
      <button type="button" class="screenshot-thumb" aria-label={`Open screenshot: ${label}`} onClick={() => (open.value = true)}>
        <img src={thumb} alt={`Screenshot: ${label}`} data-testid="screenshot-thumb" />
      </button>
      {open.value && (
        <dialog ref={dialog} class="screenshot-dialog" aria-label="Screenshot" onClose={() => (open.value = false)}>
          <form method="dialog">
            <button type="submit" class="primary">
              Close
            </button>
          </form>
          {full && <img src={full} alt={`Screenshot: ${label}`} data-testid="screenshot-full" />}
        </dialog>
      )}
    </>
  );
}

import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * Puts the keyboard on an element a coming render shows (a closed form's Edit button, the Add
 * button after a delete): ask by id, and it is focused once it is rendered and enabled, however
 * many renders that takes. Without this the focus falls to the page when the element it was on goes.
 */
export function useFocusNext(): (id: string) => void {
  const next = useSignal<string | null>(null);
  // Read while rendering, so asking re-renders and the effect sees the updated page.
  const pending = next.value;
  useEffect(() => {
    if (!pending) return;
    const target = document.getElementById(pending);
    if (!target || (target as HTMLButtonElement).disabled) return; // not rendered yet: try after the next render
    target.focus();
    next.value = null;
  });
  return (id) => {
    next.value = id;
  };
}

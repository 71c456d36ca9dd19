import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps the `<details>` inside the returned element open or shut as the person last left it,
 * across openings of the page (the timeline needs the room). `deps`: when the details may have
 * been rendered anew (another incident shown).
 */
export function useRememberedDetailsOpen(key: string, deps: readonly unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    const details = element?.querySelector('details');
    if (details) details.open = readOpen(key);
    // `toggle` does not bubble: listen in the capture phase.
    const remember = (e: Event) => e.target instanceof HTMLDetailsElement && writeOpen(key, e.target.open);
    element?.addEventListener('toggle', remember, true);
    return () => element?.removeEventListener('toggle', remember, true);
  }, deps);
  return box;
}

function readOpen(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeOpen(key: string, open: boolean) {
  try {
    localStorage.setItem(key, open ? '1' : '0');
  } catch {
    // Only the memory of the choice is lost.
  }
}

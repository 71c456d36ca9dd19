import { useCallback, useState } from 'preact/hooks';

/**
 * Whether a `<details>` is open, remembered as the person last left it across openings of the
 * page (the timeline needs the room). Read before the first render, so the details is painted
 * in that state at once: no flash of the other state, and no click lost to a late correction.
 */
export function useRememberedOpen(key: string): [open: boolean, onToggle: (open: boolean) => void] {
  const [open, setOpen] = useState(() => readOpen(key));
  const onToggle = useCallback(
    (next: boolean) => {
      setOpen(next);
      writeOpen(key, next);
    },
    [key],
  );
  return [open, onToggle];
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

import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { parseEntryHash, type EntryTarget } from '../entry-link';

/** The incident/entry the page's `#incident=…&entry=…` points at, following hash changes. */
export function useHashTarget(win: Window = window): Signal<EntryTarget | undefined> {
  const target = useSignal(parseEntryHash(win.location.hash));
  useEffect(() => {
    const onChange = () => (target.value = parseEntryHash(win.location.hash));
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  }, [win]);
  return target;
}

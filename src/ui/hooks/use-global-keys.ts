import { useEffect } from 'preact/hooks';

/** Page-wide shortcuts that do not fire while typing in a field. */
export function useGlobalKeys(handlers: Record<string, (e: KeyboardEvent) => void>, doc: Document = document) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
      if (typing) return;
      const combo = `${e.ctrlKey || e.metaKey ? 'Mod+' : ''}${e.key}`;
      const handler = handlers[combo];
      if (handler) {
        e.preventDefault();
        handler(e);
      }
    }
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  });
}

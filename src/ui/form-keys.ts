/**
 * The editing forms' keys: Escape cancels, Ctrl/Cmd+Enter saves from any field (Enter alone
 * stays a new line in text areas).
 */
export function editorKeys(onSave: (e: Event) => void, onCancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave(e);
  };
}

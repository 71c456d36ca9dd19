import type { TimelineState } from '../../state/timeline-state';

/** After a delete: say what went and offer it back (also Ctrl/Cmd+Z). */
export function UndoBar({ timeline }: { timeline: TimelineState }) {
  const deleted = timeline.lastDeleted.value;
  if (!deleted) return null;
  const preview = deleted.text.length > 60 ? `${deleted.text.slice(0, 60)}…` : deleted.text;
  return (
    <div class="undo-bar" role="status">
      <span>Deleted “{preview}”</span>
      <button type="button" class="primary" onClick={() => void timeline.undoDelete()}>
        Undo
      </button>
    </div>
  );
}

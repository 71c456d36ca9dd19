import { useEffect, useRef } from 'preact/hooks';
import { UPDATE_TEMPLATES, type UpdateTemplate, type UpdateTemplateId } from '../../update-templates';

interface Props {
  /** The template waiting for "Replace your message?", if one is. */
  asking: UpdateTemplate | undefined;
  onPick(id: UpdateTemplateId): void;
  onReplace(): void;
  onKeep(): void;
}

/** The usual updates, one button each; a typed message is replaced only when the person says so. */
export function TemplateButtons({ asking, onPick, onReplace, onKeep }: Props) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);

  return (
    <div class="status-composer__templates">
      <div role="group" aria-label="Templates" class="status-composer__template-buttons">
        {UPDATE_TEMPLATES.map((template) => (
          <button key={template.id} type="button" class="chip" onClick={() => onPick(template.id)}>
            {template.label}
          </button>
        ))}
      </div>
      {asking && (
        <div role="group" aria-label="Replace your message?" class="status-composer__ask">
          <span>Replace your message with “{asking.label}”?</span>
          <button type="button" onClick={onReplace}>
            Replace
          </button>
          <button type="button" ref={keep} onClick={onKeep}>
            Keep mine
          </button>
        </div>
      )}
    </div>
  );
}

import type { PostmortemField, PostmortemState } from '../../state/postmortem-state';

interface Props {
  state: PostmortemState;
  field: PostmortemField;
  heading: string;
  /** The blameless prompt: shown as the placeholder and under the heading, never stored. */
  prompt: string;
  /** `h4` under a grouping heading (Trigger under Trigger and Detection). */
  level?: 'h3' | 'h4';
}

/** One written section: its heading, its prompt and the text, saved as it is typed. */
export function SectionField({ state, field, heading, prompt, level = 'h3' }: Props) {
  const id = `pm-${field.part === 'public' ? 'public-' : ''}${field.key}`;
  const Heading = level;
  return (
    <div class="field pm-section">
      <Heading id={`${id}-heading`}>
        <label for={id}>{heading}</label>
      </Heading>
      <p class="hint" id={`${id}-prompt`}>
        {prompt}
      </p>
      <textarea
        id={id}
        rows={4}
        placeholder={prompt}
        aria-describedby={`${id}-prompt`}
        value={state.valueOf(field)}
        onInput={(e) => state.type(field, e.currentTarget.value)}
        onBlur={() => void state.flush()}
      />
    </div>
  );
}

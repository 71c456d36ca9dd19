import { COMPONENT_STATUS_LABELS, ComponentStatus, type Component } from '../../../model';
import type { ChosenStatuses } from './composer-model';

interface Props {
  components: readonly Component[];
  chosen: ChosenStatuses;
  onChoose(componentId: string, status: ComponentStatus): void;
}

/** Each public component with the status this update gives it, starting from the one it has. */
export function ComponentStatuses({ components, chosen, onChoose }: Props) {
  if (!components.length) {
    return <p class="hint">No public components: add them on the options page to say which parts are affected.</p>;
  }
  return (
    <fieldset class="status-composer__components">
      <legend>Components</legend>
      {components.map((component) => {
        const id = `composer-component-${component.id}`;
        const value = chosen[component.id] ?? component.status;
        const changed = value !== component.status;
        return (
          <div key={component.id} class="status-composer__component">
            <label for={id}>{component.name}</label>
            <select
              id={id}
              value={value}
              data-changed={changed || undefined}
              aria-describedby={changed ? `${id}-now` : undefined}
              onChange={(e) => onChoose(component.id, ComponentStatus.parse(e.currentTarget.value))}
            >
              {ComponentStatus.options.map((status) => (
                <option key={status} value={status}>
                  {COMPONENT_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
            {changed && (
              <span id={`${id}-now`} class="hint">
                now {COMPONENT_STATUS_LABELS[component.status]}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

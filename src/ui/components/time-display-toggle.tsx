import type { TimeDisplay } from '../../model';
import { zoneLabel } from '../format-time';

/** One click between local time and UTC; the choice is remembered. */
export function TimeDisplayToggle({ value, onChange }: { value: TimeDisplay; onChange(value: TimeDisplay): void }) {
  const next: TimeDisplay = value === 'utc' ? 'local' : 'utc';
  return (
    <button
      type="button"
      class="chip"
      aria-pressed={value === 'utc'}
      title={`Times are shown in ${value === 'utc' ? 'UTC' : `local time (${zoneLabel('local')})`}; click for ${next === 'utc' ? 'UTC' : 'local time'}`}
      onClick={() => onChange(next)}
    >
      {value === 'utc' ? 'UTC' : zoneLabel('local')}
    </button>
  );
}

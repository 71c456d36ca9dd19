import { useSignal } from '@preact/signals';
import type { Settings } from '../../model';
import { TimeDisplay } from '../../model';
import { zoneLabel } from '../format-time';
import { ErrorBanner } from './error-banner';

interface Props {
  settings: Settings;
  /** Stores the change; rejects when storage refuses it (what was typed stays in the form). */
  onChange(patch: Partial<Settings>): Promise<void>;
}

/** Who you are on the timeline, and how times are shown. Saved as you type; a refused save is said. */
export function SettingsForm({ settings, onChange }: Props) {
  const problem = useSignal<string | undefined>(undefined);
  const change = (patch: Partial<Settings>) =>
    void onChange(patch).then(
      () => (problem.value = undefined),
      (error: unknown) => (problem.value = `Not saved: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <form class="settings-form" aria-label="Settings" onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="settings-author">Your name</label>
        <input
          id="settings-author"
          maxLength={200}
          autoComplete="name"
          placeholder="Shown as the author of your notes and clips"
          value={settings.author}
          onInput={(e) => change({ author: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="settings-time">Show times in</label>
        <select id="settings-time" value={settings.timeDisplay} onChange={(e) => change({ timeDisplay: TimeDisplay.parse(e.currentTarget.value) })}>
          <option value="local">Local time ({zoneLabel('local')})</option>
          <option value="utc">UTC</option>
        </select>
      </div>
      <label class="inline">
        <input type="checkbox" checked={settings.screenshotOnClip} onChange={(e) => change({ screenshotOnClip: e.currentTarget.checked })} />
        Attach a screenshot of the visible tab to every clip
      </label>
      <ErrorBanner message={problem.value} />
    </form>
  );
}

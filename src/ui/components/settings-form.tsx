import type { Settings } from '../../model';
import { TimeDisplay } from '../../model';
import { zoneLabel } from '../format-time';

/** Who you are on the timeline, and how times are shown. Saved as you type. */
export function SettingsForm({ settings, onChange }: { settings: Settings; onChange(patch: Partial<Settings>): void }) {
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
          onInput={(e) => onChange({ author: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="settings-time">Show times in</label>
        <select id="settings-time" value={settings.timeDisplay} onChange={(e) => onChange({ timeDisplay: TimeDisplay.parse(e.currentTarget.value) })}>
          <option value="local">Local time ({zoneLabel('local')})</option>
          <option value="utc">UTC</option>
        </select>
      </div>
      <label class="inline">
        <input type="checkbox" checked={settings.screenshotOnClip} onChange={(e) => onChange({ screenshotOnClip: e.currentTarget.checked })} />
        Attach a screenshot of the visible tab to every clip
      </label>
    </form>
  );
}

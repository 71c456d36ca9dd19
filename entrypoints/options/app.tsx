import { getDb } from '../../src/db/open';
import { SettingsForm } from '../../src/ui/components/settings-form';
import { useCreated } from '../../src/ui/hooks/use-created';
import { createLogState } from '../../src/ui/state/log-state';

export function App() {
  const log = useCreated(() => createLogState(getDb()));
  return (
    <main class="options">
      <h1>Sitrep settings</h1>
      <SettingsForm settings={log.settings.value} onChange={(patch) => void log.setSettings(patch)} />
    </main>
  );
}

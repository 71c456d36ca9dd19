import { getDb } from '../../src/db/open';
import { ComponentsEditor } from '../../src/ui/components/components-editor';
import { SettingsForm } from '../../src/ui/components/settings-form';
import { ShortcutsInfo } from '../../src/ui/components/shortcuts-info';
import { useCreated } from '../../src/ui/hooks/use-created';
import { createComponentsState } from '../../src/ui/state/components-state';
import { createLogState } from '../../src/ui/state/log-state';

export function App() {
  const log = useCreated(() => createLogState(getDb()));
  const components = useCreated(() => createComponentsState(getDb()));
  return (
    <main class="options">
      <h1>Sitrep settings</h1>
      <SettingsForm settings={log.settings.value} onChange={(patch) => void log.setSettings(patch)} />
      <ShortcutsInfo />
      <ComponentsEditor state={components} />
    </main>
  );
}

import { getDb } from '../../src/db/open';
import { Backlog } from '../../src/ui/components/action-items/backlog';
import { CadenceSettings } from '../../src/ui/components/cadence-settings';
import { ComponentsEditor } from '../../src/ui/components/components-editor';
import { MaintenanceEditor } from '../../src/ui/components/maintenance-editor';
import { MetricsView } from '../../src/ui/components/metrics-view';
import { StakeholderRegister } from '../../src/ui/components/stakeholders/stakeholder-register';
import { PostmortemsOverview } from '../../src/ui/components/postmortems-list';
import { NotifiersSettings } from '../../src/ui/components/notifiers-settings';
import { PublishingSettings } from '../../src/ui/components/publishing-settings';
import { SettingsForm } from '../../src/ui/components/settings-form';
import { ShortcutsInfo } from '../../src/ui/components/shortcuts-info';
import { TargetsSettings } from '../../src/ui/components/targets-settings';
import { useCreated } from '../../src/ui/hooks/use-created';
import { createBacklogState } from '../../src/ui/state/action-items-state';
import { createComponentsState } from '../../src/ui/state/components-state';
import { createLogState } from '../../src/ui/state/log-state';
import { createMaintenanceState } from '../../src/ui/state/maintenance-state';
import { createMetricsState } from '../../src/ui/state/metrics-state';
import { createStakeholdersState } from '../../src/ui/state/stakeholders-state';
import { createNotifiersState } from '../../src/ui/state/notifiers-state';
import { createPublishingState } from '../../src/ui/state/publishing-state';
import { createTargetsState } from '../../src/ui/state/targets-state';

export function App() {
  const log = useCreated(() => createLogState(getDb()));
  const components = useCreated(() => createComponentsState(getDb()));
  const publishing = useCreated(() => createPublishingState(getDb()));
  const targets = useCreated(() => createTargetsState(getDb()));
  const notifiers = useCreated(() => createNotifiersState(getDb()));
  const maintenance = useCreated(() => createMaintenanceState(getDb(), () => log.settings.value.author));
  const backlog = useCreated(() => createBacklogState(getDb()));
  const stakeholders = useCreated(() => createStakeholdersState(getDb()));
  const metrics = useCreated(() => createMetricsState(getDb()));
  return (
    <main class="options">
      <h1>Sitrep settings</h1>
      <SettingsForm settings={log.settings.value} onChange={log.setSettings} />
      <ShortcutsInfo />
      <ComponentsEditor state={components} />
      <PublishingSettings state={publishing} />
      <TargetsSettings state={targets} timeDisplay={log.settings.value.timeDisplay} />
      <NotifiersSettings state={notifiers} timeDisplay={log.settings.value.timeDisplay} />
      <CadenceSettings cadence={log.settings.value.cadence} onSave={(cadence) => log.setSettings({ cadence })} />
      <MaintenanceEditor state={maintenance} />
      <StakeholderRegister state={stakeholders} />
      <MetricsView state={metrics} />
      <PostmortemsOverview db={getDb()} />
      <Backlog state={backlog} />
    </main>
  );
}

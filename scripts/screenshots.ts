/**
 * `npm run screenshots`: regenerates docs/screenshots/{popup,sidepanel,options}-{light,dark}.png
 * at 400×700 (the side panel's usual size) from the built extension (`npm run build` first),
 * with a small demo incident: declared, two notes and a clipped Grafana view. Debian's Chromium
 * through playwright-core, as the e2e tests drive it; nothing is downloaded.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../test/e2e/chromium';
import { serveFakeDashboards } from '../test/e2e/fake-dashboards';
import { PopupPage } from '../test/e2e/pages/popup-page';
import { SidePanelPage } from '../test/e2e/pages/sidepanel-page';
import { OptionsPage } from '../test/e2e/pages/options-page';
import { clickToolbarButton } from '../test/e2e/toolbar';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const SIZE = { width: 400, height: 700 };
const THEMES = ['light', 'dark'] as const;

async function main() {
  await mkdir(OUT, { recursive: true });
  const launched = await launchWithExtension();
  const dashboards = await serveFakeDashboards();
  try {
    const { context, extensionId } = launched;
    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('Checkout returns 502', 'SEV1');
    await popup.addNote('Paged the payments on-call');
    const panel = await SidePanelPage.open(context, extensionId);
    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/ops/grafana/d/pay-01/payments-overview?orgId=1&from=now-1h&to=now&timezone=utc`);
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    await panel.clipActiveTab();
    await popup.addNote('Rolled back deploy 4812; errors falling');
    await grafana.close();

    const shots = [
      { name: 'popup', page: (await PopupPage.open(context, extensionId)).page },
      { name: 'sidepanel', page: (await SidePanelPage.open(context, extensionId)).page },
      { name: 'options', page: (await OptionsPage.open(context, extensionId)).page },
    ];
    for (const { name, page } of shots) {
      await page.setViewportSize(SIZE);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        await page.evaluate(() => document.fonts.ready);
        const path = resolve(OUT, `${name}-${theme}.png`);
        await page.screenshot({ path });
        console.log(`wrote ${path}`);
      }
    }
  } finally {
    await dashboards.close();
    await launched.close();
  }
}

await main();

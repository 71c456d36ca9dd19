import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { startHost, type RunningHost } from '../../widget/host';
import { serveFakeDashboards } from './fake-dashboards';
import { expect, fileTest } from './fixtures';
import { BackgroundWorker } from './pages/background-worker';
import { OptionsPage } from './pages/options-page';
import { ComposerPanel, PopupPage } from './pages/popup-page';
import { PostmortemPanel } from './pages/postmortem-panel';
import { SidePanelPage } from './pages/sidepanel-page';
import { ToolbarPopup } from './pages/toolbar-popup';

const test = fileTest();

/** Text only the internal record holds: it must never reach the status site. */
const INTERNAL = 'INTERNAL-ONLY heap dump in s3://internal-bucket/dump-7';

let dashboards: Awaited<ReturnType<typeof serveFakeDashboards>>;
let host: RunningHost;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sitrep-e2e-process-'));
  [dashboards, host] = await Promise.all([serveFakeDashboards(), startHost({ dataDir, port: 0, quiet: true })]);
});
afterAll(async () => {
  await Promise.all([dashboards?.close(), host?.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

async function fetchText(path: string): Promise<string | undefined> {
  const response = await fetch(new URL(path, host.url), { cache: 'no-store' });
  return response.ok ? response.text() : undefined;
}

interface FeedIncident {
  id: string;
  name: string;
  status: string;
  postmortem_body?: string;
  incident_updates: { status: string }[];
}
async function publishedIncidents(): Promise<FeedIncident[]> {
  const text = await fetchText('api/v2/incidents.json');
  return text ? (JSON.parse(text) as { incidents: FeedIncident[] }).incidents : [];
}

/** Opens the Grafana fixture in front, with Sitrep's toolbar button clicked over it (activeTab, as a real shortcut grants). */
async function openGrafana(context: BrowserContext, extensionId: string): Promise<Page> {
  const grafana = await context.newPage();
  await grafana.goto(`${dashboards.origin}/ops/grafana/d/pay-01/payments-overview?orgId=1&from=now-1h&to=now`);
  await (await ToolbarPopup.open(context, extensionId, grafana)).close();
  return grafana;
}

/** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, -1);
}

/** The popup's "Told <name> by <channel>" buttons: records, for the latest update, who was told and how. */
async function tell(popup: Page, who: [name: string, channel: string][]) {
  for (const [name, channel] of who) await popup.getByRole('button', { name: `Told ${name} by ${channel}`, exact: true }).click();
  await popup.getByTestId('comms-summary').filter({ hasText: 'Everyone it must reach has been told.' }).waitFor();
}

const step = (popup: Page, name: string) => popup.locator(`[data-step="${name}"]`);

describe('the incident manager’s process, end to end', () => {
  test('declare, escalate from a clip, publish and tell, tick the checklist, resolve, write and publish the post-mortem, close an action item from a CSV', async ({
    extension: { context, extensionId },
  }) => {
    const started = Date.now();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // Settings: where the site goes, who I am, the component and its escalation contact, one more stakeholder.
    const options = await OptionsPage.open(context, extensionId);
    await options.setHost(host.url, host.token);
    await options.setAuthor('Ada Lovelace');
    await options.addComponent('Payments API', [`${dashboards.origin}/ops/grafana/d/pay-01`], {
      who: 'Payments on-call',
      reach: 'mailto:payments-oncall@example.com',
    });
    await options.addStakeholder({ name: 'Finance team', power: 'high', interest: 'low', channels: ['email'], fromSeverity: 'SEV3' });
    // The defaults are there, and the grid places each where its power and interest say.
    expect(await options.quadrant('keep-satisfied')).toEqual(['Customers', 'Executives', 'Finance team']);
    expect(await options.quadrant('keep-informed')).toEqual(['Engineering', 'Support']);
    await options.close();

    // Declare, SEV3: engineering, support, customers (the status page) and finance must hear.
    const first = await PopupPage.open(context, extensionId);
    await first.declare(`checkout-api pods OOMKilled after 4.12 deploy — ${INTERNAL}`, 'SEV3');
    const key = (await first.activeKey())!;
    await expect.poll(() => step(first.page, 'acknowledge').getAttribute('data-status')).toBe('pending');
    await first.page.getByRole('button', { name: 'Mark acknowledged now' }).click();
    await expect.poll(() => step(first.page, 'acknowledge').getAttribute('data-status')).toBe('auto');
    await first.page.locator('[data-testid=key-moment][data-moment=acknowledged] time').waitFor();
    // The popup closes when the person goes to the dashboard (and the toolbar button opens another).
    await first.close();

    // A clip of the Payments dashboard is tagged with the component, and offers to escalate to its on-call.
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const grafana = await openGrafana(context, extensionId);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    await panel.page.bringToFront();
    const clip = panel.entry('Payments overview');
    await clip.waitFor();
    expect(await clip.getByTestId('clip-components').locator('.badge.component').allTextContents()).toEqual(['Payments API']);
    const frozen = (await clip.locator('a.entry__source').getAttribute('href'))!;
    const escalate = clip.getByTestId('escalate');
    expect(await escalate.textContent()).toBe('Escalate to Payments on-call (Payments API)');
    const mailto = new URL((await escalate.getAttribute('href'))!);
    expect(mailto.protocol + mailto.pathname).toBe('mailto:payments-oncall@example.com');
    expect(mailto.searchParams.get('subject')).toBe('Escalation: Payments API');
    expect(mailto.searchParams.get('body')).toContain(`Link (exact time window): ${frozen}`);
    // The mail client opens in a tab of its own: close whatever the browser made of it.
    const opened = context.waitForEvent('page', { timeout: 5_000 }).catch(() => undefined);
    await escalate.click();
    await (await opened)?.close();
    await clip.getByTestId('escalate-status').filter({ hasText: 'Escalation to Payments on-call recorded' }).waitFor();
    const escalation = panel.entry('Escalated to Payments on-call (Payments API) by email draft');
    await escalation.waitFor();
    expect(await panel.kindBadge('Escalated to Payments on-call (Payments API) by email draft')).toMatch(/comms/i);
    await grafana.close();

    // The first public update: the status page step ticks itself, and the host serves it.
    const popup = await PopupPage.open(context, extensionId);
    const p = popup.page;
    const composer = new ComposerPanel(p);
    await composer.post({ title: 'Card payments failing', status: 'investigating', message: 'We are investigating failed card payments.' });
    await expect.poll(async () => (await publishedIncidents()).map((i) => i.name), { timeout: 15_000 }).toEqual(['Card payments failing']);
    await expect.poll(() => step(p, 'status-page').getAttribute('data-status')).toBe('auto');
    expect(await step(p, 'internal-email').getAttribute('data-status')).not.toBe('auto');

    // The internal email went out from a mail client: ticked by hand, with a note saying so.
    await p.getByRole('button', { name: 'Tick Internal email with the status page link by hand' }).click();
    await p.locator('#im-note-internal-email').fill('Sent to eng-all from Gmail, with the status page link');
    await p.getByRole('button', { name: 'Tick', exact: true }).click();
    await expect.poll(() => step(p, 'internal-email').getAttribute('data-status')).toBe('hand');
    expect(await step(p, 'internal-email').getByTestId('im-step-note').textContent()).toBe('Sent to eng-all from Gmail, with the status page link');
    expect(await step(p, 'internal-email').getByTestId('im-step-state').textContent()).toMatch(/Ticked by Ada Lovelace/);

    // Who must hear it: customers through the status page already; the rest are told by hand.
    const audience = p.getByRole('list', { name: 'Must hear now' }).getByTestId('comms-item');
    await expect.poll(() => audience.locator('.comms-item__who').allTextContents()).toEqual(['✓ Customers', 'Engineering', 'Support', 'Finance team']);
    expect(await p.getByTestId('comms-summary').textContent()).toBe('3 still to tell at SEV3.');
    await tell(p, [
      ['Engineering', 'Slack'],
      ['Support', 'Email'],
      ['Finance team', 'Email'],
    ]);

    // The next finding, and the next round of telling; then resolved, and told once more.
    await composer.post({ status: 'identified', message: 'A bad deploy; rolling back.' });
    await p.getByTestId('comms-summary').filter({ hasText: '3 still to tell at SEV3.' }).waitFor();
    await tell(p, [
      ['Engineering', 'Slack'],
      ['Support', 'Slack'],
      ['Finance team', 'Email'],
    ]);
    await composer.post({ status: 'resolved', message: `Payments work again. We are sorry for the trouble.` });
    await expect.poll(async () => (await publishedIncidents())[0]?.status, { timeout: 15_000 }).toBe('resolved');
    await p.getByTestId('comms-summary').filter({ hasText: '3 still to tell at SEV3.' }).waitFor();
    await tell(p, [
      ['Engineering', 'Slack'],
      ['Support', 'Email'],
      ['Finance team', 'Email'],
    ]);
    await expect.poll(() => step(p, 'resolve').getAttribute('data-status')).toBe('auto');
    await expect.poll(() => step(p, 'keep-updated').getAttribute('data-status')).toBe('auto');
    await expect.poll(() => step(p, 'postmortem').getAttribute('data-status')).toBe('pending');

    // The stakeholder record of each update, on the timeline.
    await panel.page.bringToFront();
    const told = (update: string) => [
      `Told Engineering by Slack about the “${update}” update`,
      `Told Support by ${update === 'Identified' ? 'Slack' : 'Email'} about the “${update}” update`,
      `Told Finance team by Email about the “${update}” update`,
    ];
    // Shown as a person would look for them: the Comms filter, so every one is in the (virtual) list.
    await panel.filterChip('Comms').click();
    await expect
      .poll(async () => (await panel.entryTexts()).filter((t) => t.startsWith('Told ')), { timeout: 15_000 })
      .toEqual([...told('Investigating'), ...told('Identified'), ...told('Resolved')]);
    for (const text of told('Identified')) expect(await panel.kindBadge(text)).toMatch(/comms/i);
    await panel.filterChip('All').click();

    // The post-mortem, drafted from the incident beside the timeline.
    const pm = new PostmortemPanel(panel.page);
    await pm.open();
    await pm.draft();
    await pm.write('summary', 'Card payments failed for 40 minutes after the 4.12 deploy.');
    await pm.write('rootCause', `The 4.12 deploy halved the pods' memory limit. ${INTERNAL}`);
    await pm.write('resolution', 'Rolled back to 4.11; memory limits restored.');
    await pm.write('wentWell', 'The dashboard clip gave the on-call the exact window.');
    await expect.poll(() => pm.saveState()).toBe('All changes saved');
    await pm.addActionItem({ text: 'Restore the memory limit in the chart', kind: 'hotfix', owner: 'Team Cash', due: '2030-01-15' });
    await pm.addActionItem({ text: 'Alert on OOMKilled pods before customers notice', kind: 'prevention', owner: 'SRE', due: '2030-02-01' });
    expect(await pm.actionItems().count()).toBe(2);
    // Starting it ticks the checklist's last step.
    await p.bringToFront();
    await expect.poll(() => step(p, 'postmortem').getAttribute('data-status')).toBe('auto');

    // It survives the panel closing.
    await panel.page.reload();
    await panel.page.locator('main.sidepanel').waitFor();
    await pm.open();
    await expect.poll(() => pm.section('rootCause').inputValue()).toBe(`The 4.12 deploy halved the pods' memory limit. ${INTERNAL}`);

    // Copy Markdown: every heading of the outline, the written text and both action items.
    await pm.copyMarkdown();
    const markdown = await panel.clipboardText();
    for (const heading of ['Summary', 'Impact', 'Root Cause', 'Resolution', 'Timeline', 'Action Items', 'Lessons Learned']) {
      expect(markdown).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    }
    expect(markdown).toMatch(new RegExp(`^# Post-mortem: ${key} `, 'm'));
    expect(markdown).toContain('Rolled back to 4.11; memory limits restored.');
    // The internal record holds the marker: its absence from the site below means something.
    expect(markdown).toContain(INTERNAL);
    expect(markdown).toContain('Restore the memory limit in the chart');
    expect(markdown).toContain('Alert on OOMKilled pods before customers notice');

    // The public post-mortem, written apart, published to the status site.
    await pm.write('public-opening', 'On Tuesday many of you could not pay by card. We are sorry.');
    await pm.write('public-whatHappened', 'A change to our payment service left it short of memory.');
    await pm.write('public-whatWeDid', 'We undid the change and now alert before this can reach you.');
    await pm.write('public-closing', 'We know you rely on us to take payments, and we apologise again.');
    await pm.publishPublic();
    await expect.poll(async () => (await publishedIncidents())[0]?.status, { timeout: 15_000 }).toBe('postmortem');
    const [published] = await publishedIncidents();
    expect(published!.postmortem_body).toContain('A change to our payment service left it short of memory.');
    const page = (await fetchText(`incidents/${published!.id}.html`))!;
    expect(page).toContain('A change to our payment service left it short of memory.');
    expect(page).toContain('Card payments failing');
    for (const path of ['api/v2/incidents.json', 'api/v2/summary.json', `incidents/${published!.id}.html`, 'history.atom', 'index.html']) {
      const text = (await fetchText(path))!;
      expect(text, path).not.toContain('INTERNAL-ONLY');
      expect(text, path).not.toContain('internal-bucket');
      expect(text, path).not.toContain('OOMKilled');
    }

    // The backlog: export the CSV, mark the hotfix done elsewhere, import it back.
    const backlog = await OptionsPage.open(context, extensionId);
    const hotfix = backlog.backlogItem('Restore the memory limit in the chart');
    await hotfix.waitFor();
    expect(await backlog.backlogItem('Alert on OOMKilled pods before customers notice').count()).toBe(1);
    const csv = await backlog.downloadBacklogCsv();
    const lines = csv.replace(/^\ufeff/, '').split(/\r?\n/);
    const header = csvCells(lines[0]!);
    const id = (await hotfix.getAttribute('data-id'))!;
    const row = lines.findIndex((l) => csvCells(l)[header.indexOf('id')]?.replace(/"/g, '') === id);
    expect(row).toBeGreaterThan(0);
    const cells = csvCells(lines[row]!);
    expect(cells[header.indexOf('status')]!.replace(/"/g, '')).toBe('open');
    cells[header.indexOf('status')] = 'done';
    lines[row] = cells.join(',');
    const edited = join(dataDir, 'action-items-edited.csv');
    await writeFile(edited, lines.join('\r\n'));
    expect(await backlog.previewBacklogImport(edited)).toMatch(/: 1 to change, 1 unchanged, 0 unknown, 0 not readable, 0 changed here since the export\./);
    await backlog.page.getByRole('button', { name: 'Apply 1 change(s)' }).click();
    // Done leaves the to-do view; the other item stays.
    await hotfix.waitFor({ state: 'detached' });
    expect(await backlog.backlogItem('Alert on OOMKilled pods before customers notice').count()).toBe(1);
    await backlog.page.locator('#backlog-status').selectOption('done');
    await expect.poll(() => hotfix.locator('.badge').allTextContents()).toEqual(['Hotfix', 'Done']);
    expect(await hotfix.locator('select').inputValue()).toBe('done');
    // The post-mortems list counts what is still open.
    expect(await backlog.page.getByTestId('postmortem-row').filter({ hasText: key }).locator('td').nth(3).textContent()).toBe('1 of 2 items');

    await Promise.all([backlog.close(), panel.page.close(), popup.close()]);
    console.info(`incident-process e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { serveFakeDashboards } from './fake-dashboards';
import { BackgroundWorker } from './pages/background-worker';
import { SidePanelPage } from './pages/sidepanel-page';
import { clickToolbarButton } from './toolbar';

const PANEL = { width: 400, height: 700 };

/** Seeds one active incident with `count` notes a minute apart, as a long-running incident has. */
async function seedIncident(panel: SidePanelPage, count: number) {
  await panel.page.evaluate(async (count) => {
    const id = crypto.randomUUID();
    const t0 = Date.now() - count * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['incidents', 'entries'], 'readwrite');
    tx.objectStore('incidents').put({
      id,
      key: 'INC-1',
      title: 'Checkout returns 502 for EU customers after the 09:40 deploy',
      severity: 'SEV2',
      status: 'investigating',
      impact: '',
      manager: 'e2e',
      startedAt: iso(t0),
      createdAt: iso(t0),
      updatedAt: iso(t0),
    });
    for (let i = 0; i < count; i++) {
      const at = iso(t0 + i * 60_000);
      tx.objectStore('entries').put({
        id: crypto.randomUUID(),
        incidentId: id,
        at,
        recordedAt: at,
        author: 'e2e',
        kind: 'note',
        text: `Seeded note ${i}`,
        starred: false,
        updatedAt: at,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ activeIncidentId: id });
  }, count);
  await panel.page.reload();
  await panel.entry('Seeded note 0').waitFor();
}

test('in a 400×700 side panel a new note is scrolled into sight, or announced once the reader has scrolled away', async ({ context, extensionId }) => {
  const panel = await SidePanelPage.open(context, extensionId);
  await panel.page.setViewportSize(PANEL);
  await seedIncident(panel, 40);

  // The card folds to one line, the choice is kept, and the timeline gets most of the height.
  const title = panel.page.getByTestId('incident-title');
  expect(await title.isVisible()).toBe(true);
  await panel.page.getByRole('button', { name: 'Incident title' }).click();
  await title.waitFor({ state: 'hidden' });
  await panel.page.reload();
  await panel.entry('Seeded note 0').waitFor();
  expect(await title.isVisible()).toBe(false);
  const list = (await panel.page.getByTestId('timeline').boundingBox())!;
  expect(list.height).toBeGreaterThan(PANEL.height / 2);
  expect(list.y + list.height).toBeLessThanOrEqual(PANEL.height);

  // Not scrolled by the reader: the new note at the end is brought into view.
  expect(await panel.isEntryInView('Seeded note 39')).toBe(false);
  await panel.addNote('Rolled back to v412');
  await expect.poll(() => panel.isEntryInView('Rolled back to v412')).toBe(true);
  expect(await panel.newEntriesPill().count()).toBe(0);

  // Scrolled away to read: the list stays put and says something arrived below.
  await panel.scrollTimelineUp();
  await expect.poll(() => panel.isEntryInView('Seeded note 0')).toBe(true);
  await panel.addNote('Error rate back under 1%');
  await panel.newEntriesPill().getByText('1 new entry ↓').waitFor();
  expect(await panel.isEntryInView('Seeded note 0')).toBe(true);
  expect(await panel.isEntryInView('Error rate back under 1%')).toBe(false);
  await panel.newEntriesPill().click();
  await expect.poll(() => panel.isEntryInView('Error rate back under 1%')).toBe(true);
  await panel.newEntriesPill().waitFor({ state: 'detached' });
});

test('in a 400×700 side panel with the details open, the note box never pushes the list off the screen', async ({ context, extensionId }) => {
  const panel = await SidePanelPage.open(context, extensionId);
  await panel.page.setViewportSize(PANEL);
  await seedIncident(panel, 40);
  await panel.page.getByText('Incident details').click();
  const note = panel.page.getByLabel(/^Add a note to/);
  await note.fill(Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n'));
  const list = (await panel.page.getByTestId('timeline').boundingBox())!;
  expect(list.height).toBeGreaterThanOrEqual(100);
  expect(list.y + list.height).toBeLessThanOrEqual(PANEL.height);
  // The details stay open on the next opening, as left, from the moment they appear: a late
  // correction would flash them shut and turn a quick click on "Incident details" into a close.
  await panel.page.addInitScript(() => {
    const seen: boolean[] = ((globalThis as unknown as { detailsOpenWhenAdded: boolean[] }).detailsOpenWhenAdded = []);
    new MutationObserver(() => {
      const details = document.querySelector<HTMLDetailsElement>('.incident-header details');
      if (details && !seen.length) seen.push(details.open);
    }).observe(document, { childList: true, subtree: true });
  });
  await panel.page.reload();
  await panel.entry('Seeded note 0').waitFor();
  expect(await panel.page.locator('.incident-header details').getAttribute('open')).not.toBeNull();
  expect(await panel.page.evaluate(() => (globalThis as unknown as { detailsOpenWhenAdded: boolean[] }).detailsOpenWhenAdded)).toEqual([true]);
});

/** The clip confirmation lives in a closed shadow root: find it as the browser sees it (CDP, piercing). */
async function findInPage(context: BrowserContext, page: Page, text: string, nodeName = '#text') {
  const session = await context.newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hit = walk(root).find((n) =>
      nodeName === '#text' ? n.nodeName === '#text' && n.nodeValue === text : n.nodeName === nodeName && n.children?.some((c) => c.nodeValue === text),
    );
    if (!hit) return undefined;
    const shadow = walk(root).find((n) => n.shadowRoots?.some((s) => walk(s).includes(hit)));
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: hit.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    return { center: { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 }, shadowRootType: shadow?.shadowRoots?.[0]?.shadowRootType };
  } catch {
    return undefined;
  } finally {
    await session.detach();
  }
}
interface DomNode {
  nodeName: string;
  nodeValue: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}
function walk(node: DomNode): DomNode[] {
  return [node, ...(node.children ?? []).flatMap(walk), ...(node.shadowRoots ?? []).flatMap(walk)];
}

test('a shortcut clip is confirmed in the clipped page, in a closed shadow root, and Undo takes the entry back', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const panel = await SidePanelPage.open(context, extensionId);
    await panel.page.setViewportSize(PANEL);
    await seedIncident(panel, 3);
    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/grafana/d/pay-01/payments-overview?from=now-1h&to=now`);
    // A page style that would restyle anything it could reach.
    await grafana.addStyleTag({ content: 'div, span, button { color: rgb(255, 0, 0) !important; display: none !important; }' });
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    const worker = await BackgroundWorker.of(context);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    await panel.entry('Payments overview').waitFor();

    await expect.poll(() => findInPage(context, grafana, 'Clipped to INC-1')).toMatchObject({ shadowRootType: 'closed' });
    expect(await grafana.evaluate(() => document.getElementById('sitrep-clip-toast-host')?.shadowRoot)).toBeNull();
    expect(await findInPage(context, grafana, 'Open timeline', 'BUTTON')).toBeTruthy();
    const undo = (await findInPage(context, grafana, 'Undo', 'BUTTON'))!;
    await grafana.mouse.click(undo.center.x, undo.center.y);
    await expect.poll(() => findInPage(context, grafana, 'Clip removed.')).toBeTruthy();
    await panel.entry('Payments overview').waitFor({ state: 'detached' });
    // Gone on its own a few seconds later.
    await expect.poll(() => findInPage(context, grafana, 'Clip removed.'), { timeout: 6000 }).toBeUndefined();
    expect(await grafana.evaluate(() => !!document.getElementById('sitrep-clip-toast-host'))).toBe(false);
  } finally {
    await dashboards.close();
  }
});

test('the in-page confirmation leaves by itself, and Open timeline opens the timeline', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const panel = await SidePanelPage.open(context, extensionId);
    await seedIncident(panel, 1);
    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/grafana/d/pay-01/payments-overview?from=now-1h&to=now`);
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    const worker = await BackgroundWorker.of(context);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => findInPage(context, grafana, 'Clipped to INC-1')).toBeTruthy();
    await expect.poll(() => grafana.evaluate(() => !!document.getElementById('sitrep-clip-toast-host')), { timeout: 9000 }).toBe(false);

    await clickToolbarButton(context, extensionId, grafana);
    await worker.pressShortcut('clip-selection', grafana);
    const open =
      (await expect.poll(() => findInPage(context, grafana, 'Open timeline', 'BUTTON')).toBeTruthy(),
      (await findInPage(context, grafana, 'Open timeline', 'BUTTON'))!);
    const before = context.pages().filter((p) => p.url().includes('/sidepanel.html')).length;
    await grafana.mouse.click(open.center.x, open.center.y);
    await expect
      .poll(async () => {
        const session = await context.browser()!.newBrowserCDPSession();
        const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { url: string }[] };
        await session.detach();
        return targetInfos.filter((t) => t.url.includes(`${extensionId}/sidepanel.html`)).length;
      })
      .toBeGreaterThan(before);
    expect(await grafana.evaluate(() => !!document.getElementById('sitrep-clip-toast-host'))).toBe(false);
  } finally {
    await dashboards.close();
  }
});

test('where the page refuses scripts, a shortcut clip is confirmed by a system notification', async ({ context, extensionId }) => {
  const panel = await SidePanelPage.open(context, extensionId);
  await seedIncident(panel, 1);
  const restricted = await context.newPage();
  await restricted.goto('chrome://version');
  await restricted.bringToFront();
  expect(await panel.notificationIds()).toEqual([]);
  const worker = await BackgroundWorker.of(context);
  await worker.pressShortcut('clip-selection', restricted);
  await expect.poll(() => panel.entries().count()).toBe(2);
  const entryId = await panel.entries().last().getAttribute('data-entry-id');
  await expect.poll(() => panel.notificationIds()).toEqual([`sitrep-clip:${entryId}`]);
});

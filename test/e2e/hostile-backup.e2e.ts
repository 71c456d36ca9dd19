import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { test, expect } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/**
 * A colleague's backup turned hostile, imported through the real Data menu and file input: it
 * reuses my note's id with a far-future time, plants an incident keyed INC-999999999 under a
 * right-to-left override, or carries an SVG "screenshot". Nothing may change before Import, Cancel
 * must leave the log as it was, Undo import must put it back, and declaring must still work.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-hostile-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EXPORTED_AT = '2026-11-28T12:00:00.000Z';

/** The log as an export shows it, minus the export's own time. */
async function logOf(panel: SidePanelPage) {
  const { exportedAt: _exportedAt, ...log } = JSON.parse(await readFile(await panel.exportBackup(), 'utf8'));
  return log;
}

async function writeBackup(name: string, doc: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

async function chooseFile(panel: SidePanelPage, path: string) {
  await panel.openDataMenu();
  await panel.page.getByTestId('import-file').setInputFiles(path);
}

const status = (panel: SidePanelPage) => panel.page.getByTestId('data-status');

async function seed(context: Parameters<typeof PopupPage.open>[0], extensionId: string) {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Checkout errors', 'SEV2');
  await popup.addNote('Paged Bo');
  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);
  return { popup, panel };
}

test('a hostile backup: preview first, Cancel changes nothing, Import then Undo restores the log', async ({ context, extensionId }) => {
  const { popup, panel } = await seed(context, extensionId);
  const original = await logOf(panel);
  const note = original.entries.find((e: { text: string }) => e.text === 'Paged Bo');

  const hostile = structuredClone(original);
  Object.assign(
    hostile.entries.find((e: { id: string }) => e.id === note.id),
    { text: 'Rewritten by the file', updatedAt: '2999-12-31T23:59:59.999Z' },
  );
  hostile.incidents.push({ ...original.incidents[0], id: crypto.randomUUID(), key: 'INC-999999999', title: '\u202Egnp.exe planted' });
  const path = await writeBackup('colleague.json', { ...hostile, exportedAt: '2999-12-31T23:59:59.999Z' });

  // The preview says what will change, record by record, before anything changes.
  await chooseFile(panel, path);
  const preview = panel.page.getByTestId('import-preview');
  await preview.waitFor();
  const lines = await panel.page.getByTestId('import-preview-lines').locator('li').allTextContents();
  expect(lines).toEqual(
    expect.arrayContaining([
      '1 incident will be added.',
      '1 timeline entry will be replaced by a newer copy.',
      expect.stringMatching(/^1 record claims a time after now \(as late as 2999-12-31 23:59 UTC\); it is dated now instead\.$/),
    ]),
  );
  await preview.getByText(/^Each record/).click();
  const records = await preview.getByTestId('import-change').allTextContents();
  expect(records).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Add: INC-999999999 “gnp\.exe planted”$/),
      expect.stringMatching(/^Replace with a newer copy: note “Rewritten by the file” on INC-1 \(dated now/),
    ]),
  );
  // The planted title's override is isolated, and the bidi control never reaches the list.
  expect(records.join('')).not.toContain('\u202E');
  expect(await panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);

  // Cancel: nothing changed.
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => status(panel).textContent()).toBe('Import cancelled: nothing was changed.');
  await expect.poll(() => preview.count()).toBe(0);
  expect(await logOf(panel)).toEqual(original);

  // Import: exactly what was shown.
  await chooseFile(panel, path);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => status(panel).textContent()).toMatch(/^Imported colleague\.json: added 1 incident; updated 1 timeline entry\./);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Rewritten by the file']);
  const imported = await logOf(panel);
  expect(imported.incidents.map((i: { key: string }) => i.key).sort()).toEqual(['INC-1', 'INC-999999999']);
  // The far-future time was clamped to the import's time plus the skew.
  const rewritten = imported.entries.find((e: { id: string }) => e.id === note.id);
  expect(Date.parse(rewritten.updatedAt)).toBeLessThan(Date.now() + 6 * 60_000);

  // Undo import: the log as it was before.
  await panel.openDataMenu();
  await panel.page.getByRole('button', { name: 'Undo import' }).click();
  await expect.poll(() => status(panel).textContent()).toMatch(/^Undid the import of colleague\.json: removed 1 record it added and put back 1 it replaced\.$/);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);
  expect(await logOf(panel)).toEqual(original);

  // Declaring still works, with the next ordinary key.
  await popup.page.reload();
  await popup.declare('After the hostile import', 'SEV3');
  expect(await popup.activeKey()).toBe('INC-2');
});

test('an imported INC-999999999 leaves declaring working', async ({ context, extensionId }) => {
  const { popup, panel } = await seed(context, extensionId);
  const original = await logOf(panel);
  const planted = {
    ...original,
    exportedAt: EXPORTED_AT,
    incidents: [{ ...original.incidents[0], id: crypto.randomUUID(), key: 'INC-999999999', title: 'Planted' }],
    entries: [],
  };
  await chooseFile(panel, await writeBackup('planted.json', planted));
  await panel.page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => status(panel).textContent()).toMatch(/^Imported planted\.json/);

  await popup.page.reload();
  await popup.declare('Still declarable', 'SEV3');
  expect(await popup.activeKey()).toBe('INC-2');
  // And the log still exports whole.
  expect((await logOf(panel)).incidents).toHaveLength(3);
});

test('an SVG screenshot is refused with a clear message, and the log is untouched', async ({ context, extensionId }) => {
  const { panel } = await seed(context, extensionId);
  const original = await logOf(panel);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>').toString('base64');
  const shot = {
    id: crypto.randomUUID(),
    incidentId: original.incidents[0].id,
    imageType: 'image/png',
    image: svg,
    thumbnailType: 'image/svg+xml',
    thumbnail: svg,
    width: 2,
    height: 1,
    takenAt: original.incidents[0].startedAt,
  };
  await chooseFile(panel, await writeBackup('svg.json', { ...original, exportedAt: EXPORTED_AT, screenshots: [shot] }));

  await expect.poll(() => status(panel).textContent()).toMatch(/^This backup cannot be imported:/);
  const message = (await status(panel).textContent())!;
  expect(message.split('\n').slice(1)).toEqual([
    '- screenshots[0].thumbnailType: expected a picture type (image/webp, image/jpeg, image/png or image/gif), got "image/svg+xml"',
    "- screenshots[0].image: the picture's bytes do not match its type, image/png",
  ]);
  expect(await panel.page.getByTestId('import-preview').count()).toBe(0);
  expect(await logOf(panel)).toEqual(original);
});

/**
 * Import backup… as a responder now does it: choose the file, read the preview, press Import.
 * Returns what the menu then says (or why the file was refused). SidePanelPage.importBackup can
 * do exactly this.
 */
async function importThroughPreview(panel: SidePanelPage, path: string): Promise<string> {
  await chooseFile(panel, path);
  const menu = panel.page.locator('details.data-menu');
  const preview = menu.getByTestId('import-preview');
  await preview.or(menu.getByRole('alert')).first().waitFor();
  if (!(await preview.isVisible())) return (await menu.getByRole('alert').textContent()) ?? '';
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
  return (await status(panel).textContent()) ?? '';
}

test('export, erase, import through the preview, import again: the same log, no duplicates', async ({ context, extensionId }) => {
  const { panel } = await seed(context, extensionId);
  const path = await panel.exportBackup();
  const original = JSON.parse(await readFile(path, 'utf8'));
  await panel.erase();
  expect(await importThroughPreview(panel, path)).toMatch(/^Imported .*: added 1 incident and 2 timeline entries\.$/);
  expect(await importThroughPreview(panel, path)).toMatch(/Nothing new/);
  const { exportedAt: _exportedAt, ...before } = original;
  expect(await logOf(panel)).toEqual(before);
});

// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addActionItem, declareIncident, type SitrepDb } from '../../src/db';
import { overdueActionItemsOnBadgeItem } from '../../src/db/storage-items';
import type { Incident } from '../../src/model';
import { parseCsv } from '../../src/report/action-items-csv';
import { Backlog } from '../../src/ui/components/action-items/backlog';
import { IncidentActionItems } from '../../src/ui/components/action-items/incident-action-items';
import { createBacklogState, createIncidentActionItemsState } from '../../src/ui/state/action-items-state';
import { byId, choose, click, disposeAfter, freshDb, mount, restoreTimeZoneAfterEach, root, settle, type } from './render';

let db: SitrepDb;
let incident: Incident;
restoreTimeZoneAfterEach();

beforeEach(async () => {
  db = freshDb();
  incident = await declareIncident(db, { title: 'Ledger down', severity: 'SEV1' }, { author: 'Ana', now: new Date('2026-10-20T08:00:00.000Z') });
});

const texts = () => [...root.querySelectorAll('.action-item__text')].map((e) => e.textContent);

describe('IncidentActionItems (mounted by the post-mortem editor)', () => {
  it('adds an item with every field, then edits its status; hostile text stays text', async () => {
    const state = disposeAfter(createIncidentActionItemsState(db, incident.id, () => new Date('2026-10-21T09:00:00.000Z')));
    await mount(<IncidentActionItems state={state} />);
    await settle(() => expect(root.textContent).toContain('No action items yet'));
    await click('Add action item');
    await type('action-item-new-text', 'Shard <img src=x onerror=alert(1)> the ledger');
    await choose('action-item-new-kind', 'tech-debt');
    await type('action-item-new-owner', 'Ben');
    await type('action-item-new-due', '2026-11-15');
    await type('action-item-new-ticket', 'https://jira.example.com/browse/OPS-7');
    await act(() => byId('action-item-new-text').closest('form')!.requestSubmit());
    await settle(() => expect(texts()).toEqual(['Shard <img src=x onerror=alert(1)> the ledger']));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.action-item a')?.getAttribute('href')).toBe('https://jira.example.com/browse/OPS-7');
    const [saved] = await db.actionItems.toArray();
    expect(saved).toMatchObject({
      incidentId: incident.id,
      kind: 'tech-debt',
      owner: 'Ben',
      due: '2026-11-15',
      status: 'open',
      createdAt: '2026-10-21T09:00:00.000Z',
    });

    await click(`Edit “${saved!.text}”`);
    await choose(`action-item-${saved!.id}-status`, 'in-progress');
    await type(`action-item-${saved!.id}-ticket`, '');
    await act(() => byId(`action-item-${saved!.id}-text`).closest('form')!.requestSubmit());
    await settle(async () => expect((await db.actionItems.get(saved!.id))?.status).toBe('in-progress'));
    expect((await db.actionItems.get(saved!.id))?.ticketUrl).toBeUndefined();
  });

  it('shows why a save was refused and keeps the form open', async () => {
    const state = disposeAfter(createIncidentActionItemsState(db, incident.id));
    await mount(<IncidentActionItems state={state} />);
    await click('Add action item');
    await type('action-item-new-text', '   ');
    await act(() => byId('action-item-new-text').closest('form')!.requestSubmit());
    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('What must be done: Say what must be done'));
    expect(byId('action-item-new-text')).not.toBeNull();
    expect(await db.actionItems.count()).toBe(0);
  });
});

describe('Backlog (options page)', () => {
  async function seed() {
    const other = await declareIncident(db, { title: 'Search slow', severity: 'SEV3' }, { author: 'Ana' });
    const at = (iso: string) => new Date(iso);
    const late = await addActionItem(
      db,
      { incidentId: incident.id, text: 'Roll back, "then" fix', kind: 'hotfix', due: '2026-10-31' },
      at('2026-10-21T00:00:00.000Z'),
    );
    const young = await addActionItem(db, { incidentId: other.id, text: '=cmd()', kind: 'prevention' }, at('2026-10-25T00:00:00.000Z'));
    const done = await addActionItem(db, { incidentId: other.id, text: 'Restart', kind: 'hotfix', status: 'done' }, at('2026-10-19T00:00:00.000Z'));
    return { late, young, done };
  }

  it('lists overdue first in the user’s zone, filters, and copies the shown items as CSV and Markdown', async () => {
    process.env.TZ = 'America/New_York';
    const { late, young } = await seed();
    const clipboard = { writeText: vi.fn(async (_text: string) => {}) };
    // 00:30 EDT on 1 November in New York: the item due 31 October is overdue.
    const state = disposeAfter(createBacklogState(db, () => new Date('2026-11-01T04:30:00.000Z')));
    await mount(<Backlog state={state} clipboard={clipboard} />);
    await settle(() => expect(texts()).toEqual([late.text, young.text]));
    expect(root.querySelector('.action-item.overdue .action-item__text')?.textContent).toBe(late.text);
    expect(root.textContent).toContain('1 overdue.');

    await choose('backlog-status', 'all');
    await settle(() => expect(texts()).toEqual([late.text, young.text, 'Restart']));
    await choose('backlog-kind', 'hotfix');
    await settle(() => expect(texts()).toEqual([late.text, 'Restart']));
    await choose('backlog-kind', 'all');
    await choose('backlog-status', 'to-do');

    await click('Copy CSV');
    const csv = clipboard.writeText.mock.calls[0]![0];
    expect(parseCsv(csv).map((r) => r.fields[3])).toEqual(['text', late.text, "'=cmd()"]);
    await click('Copy GitHub task list');
    expect(clipboard.writeText.mock.calls[1]![0]).toContain('- [ ] Roll back, "then" fix (Hotfix, due 2026-10-31)');
    await settle(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('GitHub task list copied.'));
  });

  it('previews a CSV import (changed, unknown, unreadable) and saves only when applied', async () => {
    const { late, young } = await seed();
    const state = disposeAfter(createBacklogState(db, () => new Date('2026-11-02T12:00:00.000Z'), 'Europe/Berlin'));
    await mount(<Backlog state={state} />);
    await settle(() => expect(texts()).toHaveLength(2));
    const csv = state.exportText('csv').replace(',open,', ',Done,');
    const edited = `${csv}00000000-0000-4000-8000-000000000999,INC-9,x,Someone else's,hotfix,,,open,,,\r\n${young.id},INC-2,x\r\n`;
    await act(() => state.previewImport('backlog.csv', edited));
    await settle(() => expect(root.querySelector('[aria-label="Import preview"]')).not.toBeNull());
    const region = root.querySelector('[aria-label="Import preview"]')!;
    expect(region.textContent).toContain('backlog.csv: 1 to change, 1 unchanged, 1 unknown, 1 not readable, 0 changed here since the export.');
    expect(region.querySelector('[aria-label="Changes"]')?.textContent).toContain(`Line 2: “${late.text}” — status open → done`);
    expect(region.querySelector('[aria-label="Unknown rows"]')?.textContent).toContain(
      "Line 4: no action item has id 00000000-0000-4000-8000-000000000999 (“Someone else's”)",
    );
    expect(region.querySelector('[aria-label="Rows not readable"]')?.textContent).toContain('Line 5: 3 cells where the header has 11');
    expect((await db.actionItems.get(late.id))?.status).toBe('open');

    await click('Apply 1 change(s)');
    await settle(async () => expect((await db.actionItems.get(late.id))?.status).toBe('done'));
    await settle(() => expect(root.textContent).toContain('Updated 1 action item(s) from backlog.csv.'));
    expect((await db.actionItems.get(young.id))?.status).toBe('open');
    await settle(() => expect(texts()).toEqual([young.text]));
  });

  it('turns the overdue count on the badge on and off', async () => {
    await overdueActionItemsOnBadgeItem.setValue(false);
    const state = disposeAfter(createBacklogState(db));
    await state.badgeReady;
    await mount(<Backlog state={state} />);
    expect(byId<HTMLInputElement>('backlog-badge').checked).toBe(false);
    await act(() => {
      const box = byId<HTMLInputElement>('backlog-badge');
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(async () => expect(await overdueActionItemsOnBadgeItem.getValue()).toBe(true));
    await settle(() => expect(byId<HTMLInputElement>('backlog-badge').checked).toBe(true));
    await overdueActionItemsOnBadgeItem.setValue(false);
    await settle(() => expect(byId<HTMLInputElement>('backlog-badge').checked).toBe(false));
  });
});

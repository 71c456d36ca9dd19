// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { createPostmortemDraft, declareIncident, patchPostmortem, type SitrepDb } from '../../src/db';
import type { ActionItem } from '../../src/model';
import { PostmortemsOverview } from '../../src/ui/components/postmortems-list';
import { freshDb, mount, root, settle } from './render';

const T0 = new Date('2026-11-28T09:00:00.000Z');
let db: SitrepDb;

beforeEach(() => {
  db = freshDb();
});

const rows = () => [...root.querySelectorAll('[data-testid="postmortem-row"]')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

function item(incidentId: string, status: ActionItem['status']): ActionItem {
  const at = T0.toISOString();
  return { id: crypto.randomUUID(), incidentId, text: 'Fix it', kind: 'tech-debt', owner: '', status, createdAt: at, updatedAt: at };
}

it('lists every post-mortem with its status and open action items, live, linking to the side panel', async () => {
  await mount(<PostmortemsOverview db={db} />);
  await settle(() => expect(root.textContent).toContain('No post-mortem yet'));

  const a = await declareIncident(db, { title: 'API <b>down</b>', severity: 'SEV1' }, { author: 'Ana', now: T0 });
  const b = await declareIncident(db, { title: 'Search slow', severity: 'SEV3' }, { author: 'Ana', now: new Date('2026-11-29T09:00:00.000Z') });
  await createPostmortemDraft(db, a.id, { now: T0 });
  await createPostmortemDraft(db, b.id, { now: T0 });
  await patchPostmortem(db, b.id, { status: 'final' });
  await db.actionItems.bulkAdd([item(a.id, 'open'), item(a.id, 'done'), item(a.id, 'in-progress')]);

  await settle(() =>
    expect(rows()).toEqual([
      ['INC-2', 'Search slow', 'Final', 'none'],
      ['INC-1', 'API <b>down</b>', 'Draft', '2 of 3 items'],
    ]),
  );
  expect(root.querySelector('b')).toBeNull();
  expect(root.querySelector('a')?.getAttribute('href')).toBe(`/sidepanel.html#incident=${b.id}`);
});

import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { deleteComponent, listComponents, moveComponent, saveComponent } from '../../src/db';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);
const payments = { name: 'Payments API', owner: 'Team Cash', dashboardPatterns: ['https://grafana.example.com/d/abc123'] };

describe('the component registry', () => {
  it('adds a component with a fresh id and the time it changed, trimming what was typed', async () => {
    const db = freshDb();
    const saved = await saveComponent(db, { name: '  Payments API ', owner: ' Team Cash ', group: ' API ', dashboardPatterns: [' */d/pay-* '] }, t('09:00'));
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Payments API',
      description: '',
      owner: 'Team Cash',
      group: 'API',
      order: 0,
      public: true,
      status: 'operational',
      dashboardPatterns: ['*/d/pay-*'],
      updatedAt: t('09:00').toISOString(),
    });
    expect(await listComponents(db)).toEqual([saved]);
  });

  it('lists components in status page order, a new one last, ties by name', async () => {
    const db = freshDb();
    for (const name of ['search', 'Payments API', 'CDN']) await saveComponent(db, { ...payments, name });
    expect((await listComponents(db)).map((c) => [c.name, c.order])).toEqual([
      ['search', 0],
      ['Payments API', 1],
      ['CDN', 2],
    ]);
    await saveComponent(db, { ...payments, name: 'auth', order: 1 });
    expect((await listComponents(db)).map((c) => c.name)).toEqual(['search', 'auth', 'Payments API', 'CDN']);
  });

  it('keeps the status a status update set when the form edits the component, and clears a removed group', async () => {
    const db = freshDb();
    const first = await saveComponent(db, { ...payments, group: 'API', status: 'major_outage', public: false, description: 'Cards' });
    const { group: _group, status: _status, public: _public, description: _description, ...fromForm } = first;
    const edited = await saveComponent(db, { ...fromForm, name: 'Payments' });
    expect(edited).toMatchObject({ name: 'Payments', status: 'major_outage', public: false, description: 'Cards', order: first.order });
    expect(edited.group).toBeUndefined();
  });

  it('edits a component in place, keeping its id and moving updatedAt', async () => {
    const db = freshDb();
    const first = await saveComponent(db, payments, t('09:00'));
    const edited = await saveComponent(db, { ...first, owner: 'Checkout squad', dashboardPatterns: [] }, t('10:00'));
    expect(edited).toMatchObject({ id: first.id, owner: 'Checkout squad', dashboardPatterns: [], updatedAt: t('10:00').toISOString() });
    expect(await listComponents(db)).toEqual([edited]);
  });

  it.each([
    ['no name', { ...payments, name: '   ' }, ['name'], 'A component needs a name'],
    ['a blank pattern line', { ...payments, dashboardPatterns: ['https://grafana.example.com/d/x', ' '] }, ['dashboardPatterns', 1], undefined],
    ['an owner longer than 100 characters', { ...payments, owner: 'o'.repeat(101) }, ['owner'], undefined],
    [
      'more than 50 patterns',
      { ...payments, dashboardPatterns: Array.from({ length: 51 }, (_, i) => `https://g.example.com/d/${i}`) },
      ['dashboardPatterns'],
      undefined,
    ],
  ])('refuses %s with a ZodError naming the field, saving nothing', async (_name, input, path, message) => {
    const db = freshDb();
    const error = await saveComponent(db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    const issue = (error as ZodError).issues[0]!;
    expect(issue.path).toEqual(path);
    if (message) expect(issue.message).toBe(message);
    expect(await listComponents(db)).toEqual([]);
  });

  it('deletes a component, and deleting one that is gone is no error', async () => {
    const db = freshDb();
    const a = await saveComponent(db, payments);
    const b = await saveComponent(db, { ...payments, name: 'Search' });
    await deleteComponent(db, a.id);
    await deleteComponent(db, a.id);
    expect(await listComponents(db)).toEqual([b]);
  });
});

describe('moving a component on the status page', () => {
  it('swaps it with its neighbour and numbers the list, even when older components all share order 0', async () => {
    const db = freshDb();
    const names = ['API', 'Web', 'Search'];
    for (const name of names) await saveComponent(db, { ...payments, name, order: 0 });
    // Order 0 for all, so by name: API, Search, Web.
    expect((await listComponents(db)).map((c) => c.name)).toEqual(['API', 'Search', 'Web']);
    const web = (await listComponents(db)).find((c) => c.name === 'Web');
    expect(await moveComponent(db, web!.id, -1, t('11:00'))).toBe(true);
    expect((await listComponents(db)).map((c) => [c.name, c.order])).toEqual([
      ['API', 0],
      ['Web', 1],
      ['Search', 2],
    ]);
    const first = (await listComponents(db))[0]!;
    expect(await moveComponent(db, first.id, -1)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { TimelineEntry, type Incident, type IncidentKey } from '../../src/model';
import { buildBackup, type Backup, type BackupContents } from '../../src/report/backup';
import { encodeHeldClip, encodeScreenshot } from '../../src/report/backup-images';
import { describeImportSummary, planBackupMerge, type LocalRecords } from '../../src/report/merge';
import { blobContents, makeComponent, makeEntry, makeHeldClip, makeIncident, makeScreenshot, noClipData, uuid } from './records';

const exportedAt = new Date('2026-11-28T12:00:00.000Z');

function backupOf(incidents: Incident[], entries: TimelineEntry[]): Backup {
  return buildBackup({ incidents, entries }, exportedAt).backup;
}

/** The import's own time: after every record here, so no time is clamped. */
const importedAt = { now: new Date('2026-11-28T12:30:00.000Z') };

/** A key allocator counting up from `first`, recording what it handed out. */
function counter(first: number) {
  const handedOut: IncidentKey[] = [];
  let next = first;
  return {
    handedOut,
    allocate: (): IncidentKey => {
      const key: IncidentKey = `INC-${next++}`;
      handedOut.push(key);
      return key;
    },
  };
}

/** What the repository does with a plan: put every planned record by id. */
function apply(local: LocalRecords, backup: Backup, allocate = counter(100).allocate) {
  const plan = planBackupMerge(local, backup, allocate, importedAt);
  const incidents = new Map(local.incidents.map((i) => [i.id, i]));
  const entries = new Map(local.entries.map((e) => [e.id, e]));
  for (const i of plan.incidents) incidents.set(i.id, i);
  for (const e of plan.entries) entries.set(e.id, e);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    log: { incidents: [...incidents.values()].sort(byId), entries: [...entries.values()].sort(byId) },
    summary: plan.summary,
  };
}

const empty: LocalRecords = { incidents: [], entries: [] };

describe('planBackupMerge', () => {
  const incident = makeIncident({ id: uuid(1), key: 'INC-1' });
  const shared = [
    makeEntry({ id: uuid(11), at: '2026-11-28T09:05:00.000Z', text: 'Alert fired' }),
    makeEntry({ id: uuid(12), at: '2026-11-28T09:10:00.000Z', text: 'Paged on-call' }),
    makeEntry({ id: uuid(13), at: '2026-11-28T09:15:00.000Z', text: 'Looking at dashboards' }),
  ];

  it('adds everything to an empty log, then finds nothing new in the same backup', () => {
    const backup = backupOf([incident], shared);
    const first = apply(empty, backup);
    expect(first.summary).toEqual({
      incidentsAdded: 1,
      incidentsUpdated: 0,
      entriesAdded: 3,
      entriesUpdated: 0,
      ...noClipData,
      unchanged: 0,
      rekeyed: [],
    });
    const second = apply(first.log, backup);
    expect(second.summary).toEqual({
      incidentsAdded: 0,
      incidentsUpdated: 0,
      entriesAdded: 0,
      entriesUpdated: 0,
      ...noClipData,
      unchanged: 4,
      rekeyed: [],
    });
    expect(second.log).toEqual(first.log);
  });

  it("merges a colleague's copy of the same incident without duplicates, keeping the newest edits", () => {
    // Both started from the same three entries. I added one, edited nothing; the colleague added
    // one, edited "Paged on-call" later, and deleted "Looking at dashboards".
    const mine = { incidents: [incident], entries: [...shared, makeEntry({ id: uuid(14), text: 'Mine: rolled back' })] };
    const edited = { ...shared[1]!, text: 'Paged on-call (Bo)', updatedAt: '2026-11-28T10:00:00.000Z' };
    const deleted = { ...shared[2]!, deletedAt: '2026-11-28T10:01:00.000Z', updatedAt: '2026-11-28T10:01:00.000Z' };
    const theirs = {
      incidents: [{ ...incident, severity: 'SEV1' as const, updatedAt: '2026-11-28T09:30:00.000Z' }],
      entries: [shared[0]!, edited, deleted, makeEntry({ id: uuid(15), text: 'Theirs: cache flushed' })],
    };

    const intoMine = apply(mine, backupOf(theirs.incidents, theirs.entries));
    expect(intoMine.summary).toEqual({
      incidentsAdded: 0,
      incidentsUpdated: 1,
      entriesAdded: 1,
      entriesUpdated: 2,
      ...noClipData,
      unchanged: 1,
      rekeyed: [],
    });
    const intoTheirs = apply(theirs, backupOf(mine.incidents, mine.entries));
    expect(intoTheirs.summary).toMatchObject({ incidentsUpdated: 0, entriesAdded: 1, entriesUpdated: 0, unchanged: 4 });

    // Both logs now hold the same five entries and the same incident: the newest of each.
    expect(intoMine.log).toEqual(intoTheirs.log);
    expect(intoMine.log.entries.map((e) => e.id)).toEqual([uuid(11), uuid(12), uuid(13), uuid(14), uuid(15)]);
    expect(intoMine.log.entries[1]!.text).toBe('Paged on-call (Bo)');
    expect(intoMine.log.entries[2]!.deletedAt).toBe('2026-11-28T10:01:00.000Z');
    expect(intoMine.log.incidents[0]!.severity).toBe('SEV1');
  });

  it('keeps the local copy when it is newer, and propagates an undo of a deletion', () => {
    const restored = { ...shared[0]!, updatedAt: '2026-11-28T11:00:00.000Z' };
    const olderDeleted = { ...shared[0]!, deletedAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:00:00.000Z' };
    const { log, summary } = apply({ incidents: [incident], entries: [olderDeleted] }, backupOf([incident], [restored]));
    expect(summary.entriesUpdated).toBe(1);
    expect(log.entries[0]!.deletedAt).toBeUndefined();

    const back = apply({ incidents: [incident], entries: [restored] }, backupOf([incident], [olderDeleted]));
    expect(back.summary).toMatchObject({ entriesUpdated: 0, unchanged: 2 });
    expect(back.log.entries[0]).toEqual(restored);
  });

  it('settles two different edits with the same updatedAt the same way on both sides', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const a = { ...shared[0]!, text: 'Version A', updatedAt: at };
    const b = { ...shared[0]!, text: 'Version B', updatedAt: at };
    const intoA = apply({ incidents: [incident], entries: [a] }, backupOf([incident], [b]));
    const intoB = apply({ incidents: [incident], entries: [b] }, backupOf([incident], [a]));
    expect(intoA.log).toEqual(intoB.log);
  });

  it('re-keys a new incident whose key is taken here, skipping keys already in use', () => {
    const mineInc1 = makeIncident({ id: uuid(1), key: 'INC-1', title: 'Mine' });
    const mineInc2 = makeIncident({ id: uuid(2), key: 'INC-2', title: 'Also mine' });
    const theirsInc1 = makeIncident({ id: uuid(3), key: 'INC-1', title: 'Theirs' });
    const theirsInc4 = makeIncident({ id: uuid(4), key: 'INC-4', title: 'Theirs too' });
    const theirEntry = makeEntry({ id: uuid(31), incidentId: uuid(3) });
    // The allocator offers INC-2 (taken here) and INC-4 (kept by the other imported incident) first.
    const keys = ['INC-2', 'INC-4', 'INC-5'] as IncidentKey[];
    const plan = planBackupMerge(
      { incidents: [mineInc1, mineInc2], entries: [] },
      backupOf([theirsInc1, theirsInc4], [theirEntry]),
      () => keys.shift()!,
      importedAt,
    );
    expect(plan.summary.rekeyed).toEqual([{ from: 'INC-1', to: 'INC-5', title: 'Theirs' }]);
    expect(plan.incidents.map((i) => [i.id, i.key])).toEqual([
      [uuid(3), 'INC-5'],
      [uuid(4), 'INC-4'],
    ]);
    expect(plan.entries).toEqual([theirEntry]);
  });

  it('keeps the key an incident already has here, even when the newer copy carries another', () => {
    const local = makeIncident({ id: uuid(1), key: 'INC-9' });
    const incoming = makeIncident({ id: uuid(1), key: 'INC-3', status: 'resolved', updatedAt: '2026-11-28T11:00:00.000Z' });
    const { log, summary } = apply({ incidents: [local], entries: [] }, backupOf([incoming], []));
    expect(summary).toMatchObject({ incidentsUpdated: 1, rekeyed: [] });
    expect(log.incidents[0]).toEqual({ ...incoming, key: 'INC-9' });

    // A copy that differs only by key changes nothing.
    const sameButKey = apply({ incidents: [local], entries: [] }, backupOf([{ ...local, key: 'INC-3' }], []));
    expect(sameButKey.summary).toMatchObject({ incidentsUpdated: 0, unchanged: 1 });
  });

  it('stops when the allocator only returns keys in use', () => {
    const local = makeIncident({ id: uuid(1), key: 'INC-1' });
    const incoming = makeIncident({ id: uuid(2), key: 'INC-1' });
    expect(() => planBackupMerge({ incidents: [local], entries: [] }, backupOf([incoming], []), () => 'INC-1', importedAt)).toThrow(
      /allocator returned only keys already in use/,
    );
  });
});

describe('planBackupMerge: components, screenshots and held clips', () => {
  const incident = makeIncident({ id: uuid(1), key: 'INC-1' });
  const payments = makeComponent({ id: uuid(500), name: 'Payments', updatedAt: '2026-11-20T10:00:00.000Z' });
  const search = makeComponent({ id: uuid(501), name: 'Search', dashboardPatterns: ['*/d/search-*'] });
  const shot = makeScreenshot({ id: uuid(600), incidentId: uuid(1) });
  const held = makeHeldClip({ id: uuid(700) });

  async function backupWith(contents: Partial<BackupContents> & { screenshotRows?: (typeof shot)[]; heldRows?: (typeof held)[] }) {
    return buildBackup(
      {
        incidents: [incident],
        entries: [],
        components: contents.components ?? [],
        screenshots: await Promise.all((contents.screenshotRows ?? []).map(encodeScreenshot)),
        heldClips: await Promise.all((contents.heldRows ?? []).map(encodeHeldClip)),
      },
      exportedAt,
    ).backup;
  }

  it('adds what is new, pictures decoded back to the same bytes', async () => {
    const backup = await backupWith({ components: [payments, search], screenshotRows: [shot], heldRows: [held] });
    const plan = planBackupMerge({ incidents: [incident], entries: [] }, backup, counter(100).allocate, importedAt);
    expect(plan.summary).toMatchObject({ componentsAdded: 2, componentsUpdated: 0, screenshotsAdded: 1, heldClipsAdded: 1, unchanged: 1 });
    expect(plan.components).toEqual([payments, search]);
    expect(plan.heldClips).toEqual([held]);
    expect(plan.screenshots).toHaveLength(1);
    expect(plan.screenshots[0]!.image).toBeInstanceOf(Blob);
    expect(await blobContents(plan.screenshots[0]!.image)).toEqual(await blobContents(shot.image));
    expect(await blobContents(plan.screenshots[0]!.thumbnail)).toEqual(await blobContents(shot.thumbnail));
  });

  it('keeps the newer copy of a component, either way round', async () => {
    const renamed = { ...payments, name: 'Payments API', owner: 'Team Cash', updatedAt: '2026-11-28T10:00:00.000Z' };
    const newer = planBackupMerge(
      { incidents: [incident], entries: [], components: [payments] },
      await backupWith({ components: [renamed] }),
      counter(100).allocate,
      importedAt,
    );
    expect(newer.components).toEqual([renamed]);
    expect(newer.summary).toMatchObject({ componentsUpdated: 1 });
    const older = planBackupMerge(
      { incidents: [incident], entries: [], components: [renamed] },
      await backupWith({ components: [payments] }),
      counter(100).allocate,
      importedAt,
    );
    expect(older.components).toEqual([]);
    expect(older.summary).toMatchObject({ componentsUpdated: 0, unchanged: 2 });
  });

  it('sees a component with equal patterns as unchanged, not as an edit', async () => {
    const sameCopy = structuredClone(search);
    const plan = planBackupMerge(
      { incidents: [incident], entries: [], components: [sameCopy] },
      await backupWith({ components: [search] }),
      counter(100).allocate,
      importedAt,
    );
    expect(plan.summary).toMatchObject({ componentsUpdated: 0, unchanged: 2 });
  });

  it('sees a clip entry whose details were stored in another key order as unchanged', () => {
    const clip = { tool: 'grafana' as const, pageUrl: 'https://grafana.example.com/d/abc', pageTitle: 'Checkout', componentIds: [uuid(500)] };
    const entry = TimelineEntry.parse(makeEntry({ id: uuid(40), kind: 'clip', clip }));
    // The same fields, the clip's keys reversed: its JSON sorts before the backup's copy.
    const here = { ...entry, clip: Object.fromEntries(Object.entries(clip).reverse()) as typeof clip };
    const plan = planBackupMerge({ incidents: [incident], entries: [here] }, backupOf([incident], [entry]), counter(100).allocate, importedAt);
    expect(plan.summary).toMatchObject({ entriesUpdated: 0, unchanged: 2 });
  });

  it('skips screenshots and held clips already here, and held clips already placed', async () => {
    const backup = await backupWith({ screenshotRows: [shot], heldRows: [held, makeHeldClip({ id: uuid(701) })] });
    const plan = planBackupMerge(
      { incidents: [incident], entries: [], screenshotIds: [uuid(600)], heldClipIds: new Set([uuid(700)]) },
      backup,
      counter(100).allocate,
      importedAt,
    );
    expect(plan.screenshots).toEqual([]);
    expect(plan.heldClips.map((h) => h.id)).toEqual([uuid(701)]);
    expect(plan.summary).toMatchObject({ screenshotsAdded: 0, heldClipsAdded: 1, unchanged: 3 });
  });
});

describe('describeImportSummary', () => {
  const zero = { incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 0, entriesUpdated: 0, ...noClipData, unchanged: 0, rekeyed: [] };

  it.each([
    [
      { incidentsAdded: 1, incidentsUpdated: 0, entriesAdded: 14, entriesUpdated: 0, ...noClipData, unchanged: 0, rekeyed: [] },
      'Imported: added 1 incident and 14 timeline entries.',
    ],
    [
      { incidentsAdded: 0, incidentsUpdated: 1, entriesAdded: 2, entriesUpdated: 1, ...noClipData, unchanged: 30, rekeyed: [] },
      'Imported: added 2 timeline entries; updated 1 incident and 1 timeline entry. 30 records were already up to date.',
    ],
    [
      { incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 0, entriesUpdated: 0, ...noClipData, unchanged: 4, rekeyed: [] },
      'Nothing new: everything in this backup is already in the log.',
    ],
    [
      {
        incidentsAdded: 1,
        incidentsUpdated: 0,
        entriesAdded: 1,
        entriesUpdated: 0,
        ...noClipData,
        unchanged: 1,
        rekeyed: [{ from: 'INC-3' as const, to: 'INC-9' as const, title: 'Checkout down' }],
      },
      'Imported: added 1 incident and 1 timeline entry. 1 record was already up to date. INC-3 “Checkout down” is INC-9 here, because INC-3 was already taken.',
    ],
    [
      { ...zero, incidentsAdded: 1, entriesAdded: 4, screenshotsAdded: 2, componentsAdded: 3, heldClipsAdded: 1 },
      'Imported: added 1 incident, 4 timeline entries, 2 screenshots, 3 components and 1 held clip.',
    ],
    [{ ...zero, componentsUpdated: 1, unchanged: 2 }, 'Imported: updated 1 component. 2 records were already up to date.'],
  ])('%j', (summary, expected) => {
    expect(describeImportSummary(summary)).toBe(expected);
  });
});

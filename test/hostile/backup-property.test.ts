import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSitrepDb, declareIncident, NEXT_INCIDENT_NUMBER, type SitrepDb } from '../../src/db';
import { applyImport, exportBackup, previewImport, undoLastImport, type ImportPreview } from '../../src/db/backup-repo';
import { IncidentKey, MAX_INCIDENT_NUMBER } from '../../src/model';
import { BackupError, parseBackup, serializeBackup } from '../../src/report/backup';
import { IMPORT_NOW, hostileBackup } from './backup-arbitrary';
import { hostileBaseDoc, snapshotLog } from './backup-fixtures';

type Snapshot = Awaited<ReturnType<typeof snapshotLog>>;
type Row = Record<string, unknown> & { id: string };

/** A small log whose ids the generated files reuse: they add to it, replace it, collide with it. */
async function seededLog(): Promise<SitrepDb> {
  const db = createSitrepDb(`property-${crypto.randomUUID()}`);
  const base = hostileBaseDoc();
  await applyImport(db, await previewImport(db, JSON.stringify(base), { now: new Date('2026-11-28T10:00:00.000Z') }));
  await declareIncident(db, { title: 'Declared here', severity: 'SEV3' }, { author: 'Ana', now: new Date('2026-11-28T10:30:00.000Z') });
  return db;
}

async function comparable(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
  if (Array.isArray(value)) return Promise.all(value.map(comparable));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await comparable(v);
    return out;
  }
  return value;
}

/** The log before, with every record the preview planned put over it: what the import must leave. */
async function expectedAfter(before: Snapshot, preview: ImportPreview): Promise<Omit<Snapshot, 'meta'>> {
  const { meta: _meta, ...tables } = before;
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(tables) as [keyof typeof tables, Row[]][]) {
    const byId = new Map(rows.map((r) => [r.id, r as unknown]));
    for (const row of preview.plan[table] as Row[]) byId.set(row.id, await comparable(row));
    out[table] = [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  }
  return out as Omit<Snapshot, 'meta'>;
}

const withoutMeta = ({ meta: _meta, ...rest }: Snapshot) => rest;

describe('random hostile backups fed to the import (property)', () => {
  it('leave the log unchanged or changed exactly as previewed; declaring and exporting still work', async () => {
    const seen = { refused: 0, cancelled: 0, imported: 0, undone: 0, changedSomething: 0 };
    await fc.assert(
      fc.asyncProperty(hostileBackup, fc.constantFrom('cancel', 'import', 'import-then-undo'), async (doc, choice) => {
        const db = await seededLog();
        try {
          const before = await snapshotLog(db);
          let preview: ImportPreview | undefined;
          try {
            preview = await previewImport(db, JSON.stringify(doc), { now: IMPORT_NOW });
          } catch (error) {
            // Refused: a clear BackupError, and nothing changed.
            expect(error).toBeInstanceOf(BackupError);
            seen.refused++;
          }
          // Reading and previewing never write.
          expect(await snapshotLog(db)).toEqual(before);

          if (preview && choice === 'cancel') seen.cancelled++;
          if (preview && choice !== 'cancel') {
            await applyImport(db, preview);
            seen.imported++;
            if (preview.changes.length) seen.changedSomething++;
            const after = await snapshotLog(db);
            // Changed exactly as the preview said: its records, nothing else.
            expect(withoutMeta(after)).toEqual(await expectedAfter(before, preview));
            expect(preview.changes.length === 0).toBe(preview.lines.join(' ').startsWith('Nothing new'));
            if (choice === 'import-then-undo' && preview.changes.length) {
              expectOneLine(await undoLastImport(db));
              expect(await snapshotLog(db)).toEqual(before);
              seen.undone++;
            }
          }

          // The counter never passes the key format, and declaring still works.
          const counter = (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value ?? 1;
          expect(counter).toBeLessThanOrEqual(MAX_INCIDENT_NUMBER);
          const declared = await declareIncident(db, { title: 'After the import', severity: 'SEV2' }, { author: 'Ana', now: IMPORT_NOW });
          expect(IncidentKey.safeParse(declared.key).success).toBe(true);

          // Exporting still works, leaves nothing out, and the file imports again.
          const { backup, skipped } = await exportBackup(db, IMPORT_NOW);
          expect(skipped).toEqual([]);
          expect(parseBackup(serializeBackup(backup)).incidents).toHaveLength(backup.incidents.length);
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 200 },
    );
    // The property ran over all three paths, not just refusals.
    expect(seen.refused).toBeGreaterThan(10);
    expect(seen.changedSomething).toBeGreaterThan(20);
    expect(seen.undone).toBeGreaterThan(5);
  }, 120_000);
});

function expectOneLine(message: string) {
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/\.$/);
}

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeFileDurably, sweepTempFiles, writeFileAtomic } from '../../widget/host/atomic-write';
import { tempDataDir } from './host-fixture';

let folder: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await tempDataDir();
});
afterEach(() => folder.remove());

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving nothing else behind', async () => {
    const path = join(folder.dir, 'summary.json');
    await writeFileAtomic(path, bytes('one'));
    await writeFileAtomic(path, bytes('two'));
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(folder.dir)).toEqual(['summary.json']);
  });

  it('leaves the old file whole and no temporary file when the write fails before the rename', async () => {
    const path = join(folder.dir, 'summary.json');
    await writeFile(path, 'old');
    let sawTemp = '';
    const failing = writeFileAtomic(path, bytes('new'.repeat(100_000)), {
      async beforeRename(temp) {
        sawTemp = await readFile(temp, 'utf8');
        throw new Error('killed');
      },
    });
    await expect(failing).rejects.toThrow('killed');
    // The new bytes were complete on disk beside the old file, which nobody saw change.
    expect(sawTemp).toHaveLength(300_000);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder.dir)).toEqual(['summary.json']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder.dir, 'missing/x.json'), bytes('x'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(folder.dir)).toEqual([]);
  });
});

describe('sweepTempFiles', () => {
  it('removes what killed writes left, in any folder, and nothing else', async () => {
    await mkdir(join(folder.dir, 'incidents'));
    await writeFile(join(folder.dir, '.index.html.0123456789ab.tmp'), 'half');
    await writeFile(join(folder.dir, 'incidents/.a.html.ba9876543210.tmp'), 'half');
    await writeFile(join(folder.dir, 'index.html'), 'whole');
    await writeFile(join(folder.dir, '.keep'), 'mine');
    await writeFile(join(folder.dir, 'notes.tmp'), 'mine');
    expect(await sweepTempFiles(folder.dir)).toBe(2);
    expect((await readdir(folder.dir, { recursive: true })).sort()).toEqual(['.keep', 'incidents', 'index.html', 'notes.tmp']);
  });
});

describe('removeFileDurably', () => {
  it('removes a file and says whether there was one', async () => {
    await writeFile(join(folder.dir, 'probe.txt'), 'x');
    expect(await removeFileDurably(join(folder.dir, 'probe.txt'))).toBe(true);
    expect(await removeFileDurably(join(folder.dir, 'probe.txt'))).toBe(false);
    expect(await readdir(folder.dir)).toEqual([]);
  });
});

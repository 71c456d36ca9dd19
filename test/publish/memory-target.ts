import type { SiteFile } from '../../src/feed/build';
import { PublishError, type Target, type WriteCondition } from '../../src/publish/target';

/**
 * A target in memory that keeps ETags and conditions as the host does, and can be made to fail:
 * `down` (unreachable), `refuse` (token refused), or `beforeWrite` to slip in another publisher's
 * write at the worst moment.
 */
export function memoryTarget({ batch = false } = {}) {
  const files = new Map<string, { body: string; etag: string }>();
  const writes: string[] = [];
  /** Each batch written (batch targets only): its paths, in order. */
  const batches: string[][] = [];
  let version = 0;
  const t = {
    files,
    writes,
    batches,
    down: false,
    refuse: false,
    beforeWrite: undefined as ((path: string) => void) | undefined,
    /** Writes as another publisher would, bypassing conditions. */
    put(path: string, body: string) {
      files.set(path, { body, etag: `"v${++version}"` });
    },
    target: {
      async read(path: string) {
        if (t.down) throw new PublishError('unreachable', 'Host unreachable (memory)');
        const file = files.get(path);
        return file && { body: file.body, etag: file.etag };
      },
      async write(file: SiteFile, condition: WriteCondition = {}) {
        if (t.down) throw new PublishError('unreachable', 'Host unreachable (memory)');
        if (t.refuse) throw new PublishError('auth', 'Token refused: check the token in Settings → Publishing');
        t.beforeWrite?.(file.path);
        const current = files.get(file.path);
        if (condition.ifMatch && current?.etag !== condition.ifMatch) throw new PublishError('conflict', `Someone else published ${file.path}`);
        if (condition.ifNoneMatch && current) throw new PublishError('conflict', `Someone else published ${file.path}`);
        writes.push(file.path);
        t.put(file.path, file.body);
        return { etag: files.get(file.path)!.etag };
      },
      ...(batch && {
        /** Like a Git commit: every file at once, only if the site is still at `base` (the state's version). */
        async writeBatch(batchFiles: SiteFile[], base: string | undefined) {
          if (t.down) throw new PublishError('unreachable', 'Host unreachable (memory)');
          if (files.get('sitrep-site.json')?.etag !== base) throw new PublishError('conflict', 'The branch moved');
          batches.push(batchFiles.map((f) => f.path));
          for (const f of batchFiles) t.put(f.path, f.body);
          return { etag: files.get('sitrep-site.json')!.etag };
        },
      }),
      async remove(path: string) {
        if (t.down) throw new PublishError('unreachable', 'Host unreachable (memory)');
        files.delete(path);
      },
    } as Target,
  };
  return t;
}

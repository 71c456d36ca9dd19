import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../src/db/persist';

function storage(persisted: boolean, grant: boolean) {
  return { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grant) } as unknown as StorageManager & {
    persist: ReturnType<typeof vi.fn>;
  };
}

describe('requestPersistentStorage', () => {
  it('asks once when not yet persistent and returns the answer', async () => {
    const s = storage(false, true);
    expect(await requestPersistentStorage(s)).toBe(true);
    expect(s.persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when already persistent', async () => {
    const s = storage(true, false);
    expect(await requestPersistentStorage(s)).toBe(true);
    expect(s.persist).not.toHaveBeenCalled();
  });

  it('reports false where the API is missing', async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});

import { computed, signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { listPublishResults } from '../../db/outbox-repo';
import type { SitrepDb } from '../../db/database';
import { publishSecretsItem } from '../../db/storage-items';
import type { PublishResult } from '../../model';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/** Readable, lower-case, no look-alike characters (no 0/o, 1/l): `s3-k7qmzt`. */
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomSuffix(): string {
  // 32 letters divide 256 evenly: every letter is as likely.
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** A new id for a target or notifier: its kind and a short random part, unlike any taken. */
export function newReadableId(kind: string, taken: readonly string[], random: () => string = randomSuffix): string {
  for (;;) {
    const id = `${kind}-${random()}`;
    if (!taken.includes(id)) return id;
  }
}

/** Which stored ids have a secret; the secrets themselves never leave storage. */
export function secretIdsOf(secrets: unknown): ReadonlySet<string> {
  const entries = secrets && typeof secrets === 'object' ? Object.entries(secrets) : [];
  return new Set(entries.filter(([, v]) => typeof v === 'string' && v !== '').map(([id]) => id));
}

/** Where one's secret and last result are kept, by its id. */
interface Keys {
  secret(id: string): string;
  result(id: string): string;
}

const SAME_ID: Keys = { secret: (id) => id, result: (id) => id };

/**
 * A list of configured things kept in extension storage (publish targets, notifiers) as the options
 * page sees it: the list, which ones have a secret saved (never the secrets), each one's last
 * result, live.
 */
export function createConfiguredListState<T extends { id: string }>(
  db: SitrepDb,
  item: WxtStorageItem<unknown, Record<string, unknown>>,
  read: (stored: unknown) => T[],
  keys: Keys = SAME_ID,
) {
  const list = storageSignal(item, read);
  const secretIds = storageSignal(publishSecretsItem, secretIdsOf);
  const results = liveSignal<PublishResult[]>(() => listPublishResults(db), []);
  const loaded = signal(false);
  const ready = Promise.all([list.ready, secretIds.ready]).then(() => {
    loaded.value = true;
  });
  const resultsById = computed(() => new Map(results.value.value.map((r) => [r.targetId, r])));

  return {
    list: list.value,
    /** False until storage has been read: an empty list before then means nothing. */
    loaded,
    ready,
    secretSaved: (id: string) => secretIds.value.value.has(keys.secret(id)),
    resultOf: (id: string): PublishResult | undefined => resultsById.value.get(keys.result(id)),
    /** An id for a new one of this kind. */
    newId: (kind: string) =>
      newReadableId(
        kind,
        list.value.peek().map((t) => t.id),
      ),
    /** Reads the list back at once, rather than when storage says it changed: no flash of the old list. */
    async reread() {
      list.value.value = read(await item.getValue());
    },
    dispose() {
      list.dispose();
      secretIds.dispose();
      results.dispose();
    },
  };
}

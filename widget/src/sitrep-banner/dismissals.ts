import { readStored, writeStored } from '../shared/stored';

const KEY = 'sitrep:dismissed';
/** Enough for every update of a bad week; older keys can never come back anyway. */
const KEEP = 50;

export function readDismissed(storage?: Storage): string[] {
  const stored = readStored(KEY, storage);
  return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
}

export function rememberDismissed(key: string, storage?: Storage): void {
  writeStored(KEY, [key, ...readDismissed(storage).filter((k) => k !== key)].slice(0, KEEP), storage);
}

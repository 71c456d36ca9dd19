/**
 * localStorage that never throws, `storage` defaulting to the page's. Reading `localStorage`
 * itself throws in sandboxed frames and some privacy modes, and setItem throws when the host
 * page has filled its quota; none of that may surface on the host page.
 */
export function readStored(key: string, storage?: Storage): unknown {
  try {
    const text = (storage ?? localStorage).getItem(key);
    return text == null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown, storage?: Storage): void {
  try {
    (storage ?? localStorage).setItem(key, JSON.stringify(value));
  } catch {
    // Quota or access refused: the widget works without its cache.
  }
}

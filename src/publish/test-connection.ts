import { PublishError, type Target } from './target';

export const PROBE_PATH = 'sitrep-probe.txt';

/**
 * "Test connection": writes a probe file, reads it back, deletes it. Resolves when the target
 * works both ways; throws the PublishError that names what failed, in words.
 */
export async function testConnection(target: Target, now = new Date()): Promise<void> {
  const body = `Sitrep connection test, ${now.toISOString()}. Safe to delete.\n`;
  await target.write({ path: PROBE_PATH, body, contentType: 'text/plain; charset=utf-8', cacheControl: 'no-store' });
  const back = await target.read(PROBE_PATH);
  if (back?.body !== body) {
    throw new PublishError('config', 'The test file was written but did not read back the same: is the public URL the same place?');
  }
  await target.remove(PROBE_PATH);
}

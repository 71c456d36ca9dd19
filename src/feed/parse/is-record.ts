/**
 * True for a plain object (not `null`, not an array): what untrusted JSON must be before its
 * keys are read. Zod-free, so the widget's feed parser can share it.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import * as z from 'zod';

export const Severity = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
export type Severity = z.infer<typeof Severity>;

/** What each level means, shown wherever a severity is chosen so responders pick the same one. */
export const SEVERITY_DEFINITIONS: Record<Severity, string> = {
  SEV1: 'Critical: core service down or data at risk for many customers; public notice, executives informed.',
  SEV2: 'Major: a key feature broken or badly degraded for many customers; public notice.',
  SEV3: 'Minor: partial degradation or a workaround exists; some customers affected.',
  SEV4: 'Low: little customer impact; internal tooling or a small subset affected.',
  SEV5: 'Cosmetic: no functional impact; tracked for follow-up.',
};

/** A severity's one-word name ("Critical" for SEV1): its definition's first word, so the two never disagree. */
export function severityName(severity: Severity): string {
  return SEVERITY_DEFINITIONS[severity].slice(0, SEVERITY_DEFINITIONS[severity].indexOf(':'));
}

/** The Statuspage impact a severity publishes as. */
export const SEVERITY_IMPACT: Record<Severity, 'critical' | 'major' | 'minor' | 'none'> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'minor',
  SEV5: 'none',
};

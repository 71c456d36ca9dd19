import type { Stakeholder } from '../model';

/** A stakeholder as the defaults and the register's form describe one: everything but identity and time. */
export type StakeholderDraft = Omit<Stakeholder, 'id' | 'updatedAt'>;

/**
 * The register a team starts from, and edits: the power/interest grid's usual reading of an
 * organisation. Executives hear of SEV1 only; customers hear through the status page.
 */
export const DEFAULT_STAKEHOLDERS: readonly StakeholderDraft[] = [
  { name: 'Management', power: 'high', interest: 'high', channels: ['email', 'slack'], reach: '', fromSeverity: 'SEV2', order: 0 },
  { name: 'Product', power: 'high', interest: 'high', channels: ['slack'], reach: '', fromSeverity: 'SEV2', order: 1 },
  { name: 'Customers', power: 'high', interest: 'low', channels: ['status-page'], reach: '', fromSeverity: 'SEV3', order: 2 },
  { name: 'Executives', power: 'high', interest: 'low', channels: ['email'], reach: '', fromSeverity: 'SEV1', order: 3 },
  { name: 'Engineering', power: 'low', interest: 'high', channels: ['slack'], reach: '', fromSeverity: 'SEV4', order: 4 },
  { name: 'Support', power: 'low', interest: 'high', channels: ['slack', 'email'], reach: '', fromSeverity: 'SEV3', order: 5 },
  { name: 'Rest of the company', power: 'low', interest: 'low', channels: ['email'], reach: '', fromSeverity: 'SEV2', order: 6 },
];

/** The defaults as stored rows: new ids, stamped `now`. */
export function defaultStakeholders(now: Date, newId: () => string = () => crypto.randomUUID()): Stakeholder[] {
  const updatedAt = now.toISOString();
  return DEFAULT_STAKEHOLDERS.map((d) => ({ ...d, channels: [...d.channels], id: newId(), updatedAt }));
}

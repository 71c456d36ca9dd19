import type { Stakeholder } from '../model';

/** A stakeholder as the defaults and the register's form describe one: everything but identity and time. */
export type StakeholderDraft = Omit<Stakeholder, 'id' | 'updatedAt'>;

/**
 * Every machine seeds the same defaults with the same ids, dated long ago: importing a colleague's
 * backup merges their copy of "Management" with yours instead of listing it twice, and any edit,
 * being newer, wins over an untouched default.
 */
const DEFAULT_IDS = [
  '5e7a0000-0000-4000-8000-000000000001',
  '5e7a0000-0000-4000-8000-000000000002',
  '5e7a0000-0000-4000-8000-000000000003',
  '5e7a0000-0000-4000-8000-000000000004',
  '5e7a0000-0000-4000-8000-000000000005',
  '5e7a0000-0000-4000-8000-000000000006',
  '5e7a0000-0000-4000-8000-000000000007',
] as const;
const DEFAULTS_WRITTEN_AT = '2026-01-01T00:00:00.000Z';

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

/** The defaults as stored rows: the same ids and date on every machine (see DEFAULT_IDS). */
export function defaultStakeholders(): Stakeholder[] {
  return DEFAULT_STAKEHOLDERS.map((d, i) => ({ ...d, channels: [...d.channels], id: DEFAULT_IDS[i]!, updatedAt: DEFAULTS_WRITTEN_AT }));
}

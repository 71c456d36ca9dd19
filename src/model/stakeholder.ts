import * as z from 'zod';
import { Instant } from './instant';
import { Severity } from './severity';

export const Level = z.enum(['high', 'low']);
export type Level = z.infer<typeof Level>;

/** How a stakeholder is reached. */
export const StakeholderChannel = z.enum(['email', 'slack', 'teams', 'status-page']);
export type StakeholderChannel = z.infer<typeof StakeholderChannel>;

export const STAKEHOLDER_CHANNEL_LABELS: Record<StakeholderChannel, string> = {
  email: 'Email',
  slack: 'Slack',
  teams: 'Teams',
  'status-page': 'Status page',
};

/** A person or group with a stake in incidents, placed on the power/interest grid. */
export const Stakeholder = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1, 'Name the person or group').max(100),
  power: Level,
  interest: Level,
  channels: z.array(StakeholderChannel).min(1, 'Choose how they are reached').max(4),
  /** Addresses, channel names or people to ask: free text shown beside the checklist. */
  reach: z.string().trim().max(1000),
  /** The least severe incident they must hear about: SEV1 only reaches those set to SEV1. */
  fromSeverity: Severity,
  /** Position in the register, smallest first. */
  order: z.int().min(0).max(10_000),
  updatedAt: Instant,
});
export type Stakeholder = z.infer<typeof Stakeholder>;

/** The four ways the grid says to treat someone. */
export const Quadrant = z.enum(['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor']);
export type Quadrant = z.infer<typeof Quadrant>;

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'manage-closely': 'Manage closely',
  'keep-satisfied': 'Keep satisfied',
  'keep-informed': 'Keep informed',
  monitor: 'Monitor',
};

/** High power and interest: manage closely; high power only: keep satisfied; and so on. */
export function quadrantOf({ power, interest }: Pick<Stakeholder, 'power' | 'interest'>): Quadrant {
  if (power === 'high') return interest === 'high' ? 'manage-closely' : 'keep-satisfied';
  return interest === 'high' ? 'keep-informed' : 'monitor';
}

/** True when an incident of `severity` is severe enough for them (SEV1 is the most severe). */
export function mustHear(stakeholder: Pick<Stakeholder, 'fromSeverity'>, severity: Severity): boolean {
  return Severity.options.indexOf(severity) <= Severity.options.indexOf(stakeholder.fromSeverity);
}

import * as z from 'zod';
import { Instant } from './instant';
import { Severity } from './severity';

/** The lifecycle status pages use, in order. */
export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Human key, `INC-42`: unique in one log and never reused, even after deletion. */
export const IncidentKey = z.string().regex(/^INC-[1-9]\d{0,8}$/, 'An incident key looks like INC-42');
export type IncidentKey = z.infer<typeof IncidentKey>;

/** The largest number a key holds (`INC-` and up to nine digits): the INC counter never passes it. */
export const MAX_INCIDENT_NUMBER = 999_999_999;

/** `INC-42` for 42; the caller keeps `n` within 1…MAX_INCIDENT_NUMBER. */
export function incidentKeyOf(n: number): IncidentKey {
  return `INC-${n}`;
}

export const Incident = z.strictObject({
  /** Global identity (UUID): what merges a colleague's backup of the same incident. */
  id: z.uuid(),
  key: IncidentKey,
  title: z.string().trim().min(1, 'An incident needs a title').max(200),
  severity: Severity,
  status: IncidentStatus,
  /** Who or what is affected, in words customers would recognize (internal). */
  impact: z.string().max(5000),
  /** The title customers see; empty until the incident manager writes one (nothing is public by default). */
  publicTitle: z.string().trim().max(255),
  /** The impact as customers are told it; empty until written. */
  publicImpact: z.string().trim().max(5000),
  /** The incident manager running the response. */
  manager: z.string().max(200),
  startedAt: Instant,
  detectedAt: Instant.optional(),
  acknowledgedAt: Instant.optional(),
  /** When the impact stopped for customers (a hotfix, a rollback), before the real fix: time to mitigate. */
  mitigatedAt: Instant.optional(),
  resolvedAt: Instant.optional(),
  createdAt: Instant,
  /** Last change anywhere in the record: merge keeps the newer copy. */
  updatedAt: Instant,
});
export type Incident = z.infer<typeof Incident>;

/** What a responder types to declare an incident: the two fields of the popup. */
export const NewIncident = z.strictObject({
  title: Incident.shape.title,
  severity: Severity,
});
export type NewIncident = z.infer<typeof NewIncident>;

/** Parses the number out of `INC-42`. */
export function incidentNumber(key: IncidentKey): number {
  return Number(key.slice(4));
}

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

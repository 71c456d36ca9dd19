import type { ComponentStatus, IncidentStatus, Maintenance } from '../../model';
import type { IncidentImpact } from '../schema';

// What the published site is built from: only what an incident manager wrote for the public.
// `selectPublic` (select-public.ts) is the one place the private log is narrowed to this; the
// builder never sees a note, a clip, a screenshot, an internal title or a name.

export interface PublicPage {
  id: string;
  name: string;
  /** Where the site is served (the status page's URL); links in the feeds start here. */
  url: string;
  timeZone: string;
}

export interface PublicComponent {
  id: string;
  name: string;
  description: string;
  group?: string;
  order: number;
  status: ComponentStatus;
  updatedAt: string;
}

export interface PublicUpdate {
  id: string;
  status: IncidentStatus;
  body: string;
  at: string;
  components: { id: string; name: string; from: ComponentStatus; to: ComponentStatus }[];
}

/** The public post-mortem's four sections, once published: the only post-mortem text the site sees. */
export interface PublicPostmortemText {
  opening: string;
  whatHappened: string;
  whatWeDid: string;
  closing: string;
  publishedAt: string;
}

export interface PublicIncident {
  id: string;
  /** The public title. */
  name: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  startedAt: string;
  /** Oldest first, as they were posted. */
  updates: PublicUpdate[];
  /** Present once its public post-mortem was published. */
  postmortem?: PublicPostmortemText;
}

export type PublicMaintenance = Pick<
  Maintenance,
  'id' | 'title' | 'body' | 'componentIds' | 'scheduledFor' | 'scheduledUntil' | 'completedAt' | 'cancelledAt' | 'createdAt' | 'updatedAt'
>;

export interface SiteInput {
  page: PublicPage;
  /** Components shown on the page (public ones only), any order. */
  components: PublicComponent[];
  /** Incidents with at least one published update. */
  incidents: PublicIncident[];
  maintenances: PublicMaintenance[];
  /**
   * Ids of what the log holds but does not publish (private components, incidents without a public
   * title or update yet): the merge drops a copy published earlier instead of keeping it as another
   * incident manager's. Ids only, never the records.
   */
  withheldIds?: readonly string[];
  /** Days of history kept on the page and in the feeds. */
  historyDays: number;
  now: Date;
}

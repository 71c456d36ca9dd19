import { browser } from 'wxt/browser';
import { listUpdates, requestPublish, type SitrepDb } from '../db';
import { getDb } from '../db/open';
import { publishTargetsItem } from '../db/storage-items';
import { Postmortem, toInstant, type PublicPostmortem, type PublicPostmortemText, type PublishMessage } from '../model';
import { readTargets } from './target-store';

/** The public post-mortem's sections, in the outline customers read them, as the editor names them. */
export const PUBLIC_SECTION_NAMES = {
  opening: 'the opening (acknowledge the problem, empathise, apologise)',
  whatHappened: 'what went wrong and why',
  whatWeDid: 'what was done to fix it and prevent it happening again',
  closing: 'the closing (acknowledge, empathise and apologise once more)',
} as const satisfies Record<keyof PublicPostmortemText, string>;

/** Why a public post-mortem cannot be published yet, in one sentence. */
export class PublicPostmortemError extends Error {
  override name = 'PublicPostmortemError';
}

export interface PublishPostmortemDeps {
  db?: SitrepDb;
  now?: Date;
  /** The targets the site is published to; the stored ones by default. */
  targetIds?(): Promise<readonly string[]>;
  /** Wakes the background to send the outbox; a lost wake-up only delays it (alarms drain too). */
  wake?(): Promise<void>;
}

export interface PublishedPostmortem {
  postmortem: Postmortem;
  /** Targets a site publish was queued for; none when no target is configured yet. */
  targetIds: readonly string[];
}

/** The sections still empty, by name; an empty list when all four are written. */
export function missingPublicSections(pm: Pick<PublicPostmortem, keyof typeof PUBLIC_SECTION_NAMES>): string[] {
  return (Object.keys(PUBLIC_SECTION_NAMES) as (keyof typeof PUBLIC_SECTION_NAMES)[]).filter((key) => !pm[key].trim()).map((key) => PUBLIC_SECTION_NAMES[key]);
}

/**
 * Publishes an incident's public post-mortem to the status site: checks that all four sections are
 * written and that customers already know the incident as resolved, stamps `publishedAt`, and
 * queues a site publish for every target through the outbox (durable: a closed page loses
 * nothing). The site then shows the incident as `postmortem`, with the post-mortem on its page and
 * in the feeds. Publishing again republishes the current text. Throws a PublicPostmortemError
 * naming what is missing, saving nothing.
 */
export async function publishPublicPostmortem(incidentId: string, deps: PublishPostmortemDeps = {}): Promise<PublishedPostmortem> {
  const db = deps.db ?? getDb();
  const now = deps.now ?? new Date();
  const at = toInstant(now);

  const postmortem = await db.transaction('rw', [db.postmortems, db.incidents, db.updates], async () => {
    const current = await db.postmortems.get(incidentId);
    if (!current) throw new PublicPostmortemError('This incident has no post-mortem yet: draft it first.');
    const missing = missingPublicSections(current.public);
    if (missing.length) {
      throw new PublicPostmortemError(`Write the public post-mortem's ${joinNames(missing)} first: customers read all four sections.`);
    }
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new PublicPostmortemError('That incident is gone (erased in another window?)');
    const updates = await listUpdates(db, incidentId);
    if (!incident.publicTitle || !updates.length) {
      throw new PublicPostmortemError('This incident is not on the status site: give it a public title and post a status update first.');
    }
    if (updates[updates.length - 1]!.status !== 'resolved') {
      throw new PublicPostmortemError('Post a “Resolved” status update first: the public post-mortem follows the resolution.');
    }
    const { opening, whatHappened, whatWeDid, closing } = current.public;
    const published = { opening, whatHappened, whatWeDid, closing };
    const next = Postmortem.parse({ ...current, public: { ...current.public, publishedAt: at, published }, updatedAt: at });
    await db.postmortems.put(next);
    return next;
  });

  const targetIds = deps.targetIds ? await deps.targetIds() : readTargets(await publishTargetsItem.getValue()).map((t) => t.id);
  if (targetIds.length) {
    await requestPublish(db, targetIds, now);
    await (deps.wake ?? wakeBackground)();
  }
  return { postmortem, targetIds };
}

function joinNames(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

async function wakeBackground(): Promise<void> {
  const message: PublishMessage = { type: 'publish' };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No background to answer (it is starting): its start-up and alarm drain the outbox anyway.
  }
}

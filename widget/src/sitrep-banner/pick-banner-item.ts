import type { FeedEvent, StatusSnapshot } from '../../../src/feed/parse';
import type { Tone } from '../shared/tone.styles';

/** What the banner shows. `key` names this incident *update*, so dismissing it lasts until the next update. */
export interface BannerItem {
  key: string;
  tone: Tone;
  name: string;
  status?: string | undefined;
  body?: string | undefined;
  at?: string | undefined;
  url?: string | undefined;
  /** A maintenance window, when the event is one and states it. */
  startedAt?: string | undefined;
  endsAt?: string | undefined;
}

/** critical 3, major 2, minor 1; 0 for any other impact (none, or words we do not know). */
const severity = (event: FeedEvent) => ['minor', 'major', 'critical'].indexOf(event.impact) + 1;

const item = (event: FeedEvent, tone: Tone): BannerItem => ({
  key: `${event.id}@${event.latest?.at ?? event.updatedAt}`,
  tone,
  name: event.name,
  status: event.status,
  body: event.latest?.body,
  at: event.latest?.at ?? event.updatedAt,
  url: event.url,
  startedAt: event.startedAt,
  endsAt: event.endsAt,
});

/**
 * The most severe open incident the visitor has not dismissed (newest first among equals; one
 * of no or unknown impact ranks last, in the minor tone), else maintenance in progress; else,
 * when the feed reports trouble without naming an incident (component-only feeds such as
 * Upptime), its description.
 */
export function pickBannerItem(snapshot: StatusSnapshot, isDismissed: (key: string) => boolean): BannerItem | undefined {
  const items = [
    // Array#sort is stable: newest first among equals, as the feed lists them.
    ...[...snapshot.incidents].sort((a, b) => severity(b) - severity(a)).map((e) => item(e, severity(e) ? (e.impact as Tone) : 'minor')),
    ...snapshot.maintenances.filter((e) => e.status !== 'scheduled').map((e) => item(e, 'maintenance')),
  ];
  if (!items.length && snapshot.indicator !== 'none') {
    items.push({
      key: `${snapshot.indicator}@${snapshot.updatedAt ?? snapshot.description}`,
      tone: snapshot.indicator,
      name: snapshot.description,
      at: snapshot.updatedAt,
      url: snapshot.page.url,
    });
  }
  return items.find((candidate) => !isDismissed(candidate.key));
}

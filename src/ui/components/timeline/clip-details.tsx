import { Fragment } from 'preact';
import { isolatePlainText } from '../../../capture/untrusted-text';
import { CLIP_TOOL_LABELS, type Clip, type Component, type TimeDisplay } from '../../../model';
import { clipRefLabel } from '../../../model/clip-ref';
import { dayKey, formatClock, formatClockSeconds, formatDay, formatWindow } from '../../format-time';
import { ScreenshotThumb } from './screenshot-thumb';
import { Untrusted } from './untrusted';

/** One part of where a clip was taken: the page's words, with our label before them. */
interface WherePart {
  label?: string;
  text: string;
}

/**
 * What a clip link says: the panel (or dashboard, or page) and its window,
 * `5xx rate by route · 10:13–11:13 UTC`. The address itself is for hover and copy.
 */
export function clipLinkText(clip: Clip, timeDisplay: TimeDisplay): string {
  const name = clip.panelTitle ?? (clip.panel ? `panel ${clip.panel}` : undefined) ?? clip.dashboardTitle ?? clip.pageTitle;
  const window = clip.range ? formatWindow(clip.range.from, clip.range.to, timeDisplay) : undefined;
  return [name?.trim() ? name : undefined, window].filter(Boolean).join(' · ');
}

/** The URL as a link target, or undefined unless it is http(s). */
function webUrl(href: string | undefined): URL | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The clip's link, named by its panel and window, with the host it really goes to beside it (a
 * page can title its panel anything; the host is the browser's reading of the address).
 */
function ClipLink({ clip, url, timeDisplay }: { clip: Clip; url: URL; timeDisplay: TimeDisplay }) {
  const text = clipLinkText(clip, timeDisplay) || url.host;
  return (
    <a
      class="entry__source clip-link"
      href={url.href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="clip-link"
      title={isolatePlainText(`Opens ${url.host}: ${url.href}`)}
    >
      <span class="clip-link__text">
        <Untrusted text={text} /> <span aria-hidden="true">↗</span>
      </span>{' '}
      <span class="entry__source-host" dir="ltr">
        {url.host}
      </span>
    </a>
  );
}

/**
 * What a clip saw: tool, panel, exact window, query, components and screenshot. All text, and
 * every piece the page or a colleague wrote is isolated on its own: a panel title's override
 * cannot run on into the dashboard title beside it.
 */
export function ClipDetails({
  clip,
  timeDisplay,
  components,
  at,
  href,
}: {
  clip: Clip;
  timeDisplay: TimeDisplay;
  components: ReadonlyMap<string, Component>;
  /** The entry's time: the first sighting of what the clip names. */
  at?: string;
  /** The entry's link (the frozen view): shown as the clip's link, named by panel and window. */
  href?: string;
}) {
  const url = webUrl(href);
  const panel: WherePart | undefined = clip.panelTitle ? { text: clip.panelTitle } : clip.panel ? { label: 'panel ', text: clip.panel } : undefined;
  const page = clip.dashboardTitle ?? clip.pageTitle;
  const whereParts = [panel, page ? { text: page } : undefined].filter((p): p is WherePart => !!p);
  const where = whereParts.map((p) => `${p.label ?? ''}${p.text}`).join(' · ');
  const range = clip.range;
  const sameDay = range && formatDay(range.from, timeDisplay) === formatDay(range.to, timeDisplay);
  const tagged = clip.componentIds.map((id) => components.get(id)).filter((c): c is Component => !!c);
  return (
    <div class="clip-details" data-testid="clip-details">
      <div class="clip-details__line">
        {clip.ref ? (
          // The id comes from the page's address: isolated like any page text.
          <span class="badge tool" data-testid="clip-ref">
            <Untrusted text={clipRefLabel({ ...clip, ref: clip.ref })} />
          </span>
        ) : (
          <span class="badge tool">{CLIP_TOOL_LABELS[clip.tool]}</span>
        )}
        {url && <ClipLink clip={clip} url={url} timeDisplay={timeDisplay} />}
      </div>
      <div class="clip-details__line">
        {where && (
          <span class="clip-details__where hint" data-testid="clip-where">
            {whereParts.map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                {part.label}
                <Untrusted text={part.text} />
              </Fragment>
            ))}
          </span>
        )}
      </div>
      {range && !url && (
        <div
          class="clip-details__line"
          data-testid="clip-range"
          title={`${range.from} → ${range.to}${range.relative ? ' (was a relative range, frozen when clipped)' : ''}`}
        >
          {formatDay(range.from, timeDisplay)} {formatClock(range.from, timeDisplay)} – {sameDay ? '' : `${formatDay(range.to, timeDisplay)} `}
          {formatClock(range.to, timeDisplay)}
          {timeDisplay === 'utc' ? ' UTC' : ''}
          {range.relative && <span class="hint"> (frozen)</span>}
        </div>
      )}
      {clip.sightings && clip.sightings.length > 0 && <Sightings clip={clip} sightings={clip.sightings} at={at} timeDisplay={timeDisplay} />}
      {clip.query && (
        <code class="clip-details__query">
          <Untrusted text={clip.query} />
        </code>
      )}
      {tagged.length > 0 && (
        <div class="clip-details__line" data-testid="clip-components">
          {tagged.map((c) => (
            <span key={c.id} class="badge component" title={isolatePlainText(c.owner ? `${c.name}, owned by ${c.owner}` : c.name)}>
              <Untrusted text={c.name} />
              {c.owner && (
                <>
                  {' · '}
                  <Untrusted text={c.owner} />
                </>
              )}
            </span>
          ))}
        </div>
      )}
      {clip.notice && (
        <p class="hint" data-testid="clip-notice">
          <Untrusted text={clip.notice} />
        </p>
      )}
      {clip.screenshotId && <ScreenshotThumb id={clip.screenshotId} label={isolatePlainText(where || clip.pageUrl)} />}
    </div>
  );
}

/**
 * `seen 3× · 09:10, 09:25, 09:40`: every time the same alert (ticket, change) was clipped, the
 * entry's own time among them; a time on another day than the first says its day. What a later clip
 * selected, and its screenshot, follow under its time.
 */
function Sightings({ clip, sightings, at, timeDisplay }: { clip: Clip; sightings: NonNullable<Clip['sightings']>; at?: string; timeDisplay: TimeDisplay }) {
  // In time order: a held clip placed later, or an edited entry time, may come before the entry's.
  const times = [...(at ? [at] : []), ...sightings.map((s) => s.at)].sort();
  const firstDay = dayKey(times[0]!, timeDisplay);
  const zone = timeDisplay === 'utc' ? ' UTC' : '';
  const clock = (iso: string) => `${dayKey(iso, timeDisplay) === firstDay ? '' : `${formatDay(iso, timeDisplay)} `}${formatClock(iso, timeDisplay)}`;
  const exact = (iso: string) => `${formatDay(iso, timeDisplay)} ${formatClockSeconds(iso, timeDisplay)}${zone}`;
  const noted = sightings.filter((s) => s.text || s.screenshotId);
  return (
    <div class="clip-details__sightings" data-testid="clip-sightings">
      <div class="clip-details__line">
        <span data-testid="clip-seen">seen {sightings.length + 1}×</span>
        {' · '}
        {times.map((iso, i) => (
          <Fragment key={i}>
            {i > 0 && ', '}
            <time dateTime={iso} title={exact(iso)}>
              {clock(iso)}
            </time>
          </Fragment>
        ))}
        {zone}
      </div>
      {noted.length > 0 && (
        <ul class="clip-details__sighting-notes">
          {noted.map((s, i) => (
            <li key={i} data-testid="clip-sighting">
              <time dateTime={s.at} title={exact(s.at)}>
                {clock(s.at)}
                {zone}
              </time>
              {s.text && (
                <>
                  {' '}
                  <Untrusted text={s.text} />
                </>
              )}
              {s.screenshotId && <ScreenshotThumb id={s.screenshotId} label={isolatePlainText(`${clip.pageTitle || clip.pageUrl}, ${exact(s.at)}`)} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

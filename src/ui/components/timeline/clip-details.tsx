import { Fragment } from 'preact';
import { isolatePlainText } from '../../../capture/untrusted-text';
import { CLIP_TOOL_LABELS, type Clip, type Component, type TimeDisplay } from '../../../model';
import { formatClock, formatDay } from '../../format-time';
import { ScreenshotThumb } from './screenshot-thumb';
import { Untrusted } from './untrusted';


/** One part of where a clip was taken: the page's words, with our label before them. */
interface WherePart {
  label?: string;
  text: string;
}

/**
 * What a clip saw: tool, panel, exact window, query, components and screenshot. All text, and
 * every piece the page or a colleague wrote is isolated on its own: a panel title's override
 * cannot run on into the dashboard title beside it.
 */
export function ClipDetails({ clip, timeDisplay, components }: { clip: Clip; timeDisplay: TimeDisplay; components: ReadonlyMap<string, Component> }) {
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
        <span class="badge tool">{CLIP_TOOL_LABELS[clip.tool]}</span>
        {where && (
          <span class="clip-details__where" data-testid="clip-where">
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
      {range && (
        <div class="clip-details__line" data-testid="clip-range" title={`${range.from} → ${range.to}${range.relative ? ' (was a relative range, frozen when clipped)' : ''}`}>
          {formatDay(range.from, timeDisplay)} {formatClock(range.from, timeDisplay)} – {sameDay ? '' : `${formatDay(range.to, timeDisplay)} `}
          {formatClock(range.to, timeDisplay)}
          {timeDisplay === 'utc' ? ' UTC' : ''}
          {range.relative && <span class="hint"> (frozen)</span>}
        </div>
      )}
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

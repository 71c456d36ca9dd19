import { CLIP_TOOL_LABELS, type Clip, type ClipRef } from './clip';

/**
 * How people name the one thing a clipped page is about, the way they would say it in chat:
 * `PagerDuty PT4KHLK`, `Zendesk #8812`, `Jira OPS-123`, `github.com/acme/api#412`.
 *
 * - Alerts: the tool, then the alert's id as the tool shows it.
 * - Tickets: numbered tickets (Zendesk, Intercom) are said with `#`; keys (`OPS-123`) as they are.
 * - Changes whose id names its repository (`acme/api#412`, `group/app!17`) are said with the
 *   host first, since the same repository name can live on github.com and a company's GitLab.
 *   An id without a repository is said after the tool's name.
 */
export function clipRefLabel(clip: Pick<Clip, 'tool' | 'pageUrl'> & { ref: ClipRef }): string {
  const { kind, id } = clip.ref;
  const tool = CLIP_TOOL_LABELS[clip.tool];
  if (kind === 'ticket') return /^\d+$/.test(id) ? `${tool} #${id}` : `${tool} ${id}`;
  if (kind === 'change' && id.includes('/')) {
    const host = hostOf(clip.pageUrl);
    if (host && !id.toLowerCase().startsWith(`${host}/`)) return `${host}/${id}`;
    return id;
  }
  return `${tool} ${id}`;
}

/** True when both clips are of the same alert, ticket or change in the same tool. */
export function sameClipRef(a: Pick<Clip, 'tool' | 'ref'> | undefined, b: Pick<Clip, 'tool' | 'ref'>): boolean {
  return !!a?.ref && !!b.ref && a.tool === b.tool && a.ref.kind === b.ref.kind && a.ref.id === b.ref.id;
}

/** The page's host as people write it (`github.com`), or undefined for an address that is none. */
function hostOf(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

import { isolatePlainText, withoutBidiOverrides } from '../../../capture/untrusted-text';

interface UntrustedProps {
  text: string;
  class?: string;
  /** Also give the whole text on hover: for text the layout may cut short (ellipsis, line clamp). */
  hover?: boolean;
}

/**
 * Text Sitrep did not write (page titles, panel names, authors, entries, component names), shown
 * isolated: its direction controls and right-to-left letters cannot reorder what is around it,
 * and overrides that would make its own letters read backwards are dropped.
 */
export function Untrusted({ text, class: className, hover = false }: UntrustedProps) {
  return (
    <bdi class={className} title={hover ? isolatePlainText(text) : undefined}>
      {withoutBidiOverrides(text)}
    </bdi>
  );
}

/**
 * A link named by where it really goes: the host as the browser parses it, then the rest. The
 * address as written can say otherwise: `http://127.0.0.1\@good.example.com/` and
 * `http://good.example.com@127.0.0.1/` both go to 127.0.0.1, and `аpple.com` (Cyrillic а) is
 * `xn--pple-43d.com`. Anything but http(s) is shown as text, never as a link.
 */
export function SourceLink({ href, class: className }: { href: string; class: string }) {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return <Untrusted class={className} text={href} />;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return <Untrusted class={className} text={href} />;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer" dir="ltr" title={isolatePlainText(`Opens ${url.host}: ${url.href}`)}>
      <span class={`${className}-host`}>{url.host}</span>
      {`${url.pathname}${url.search}${url.hash}`}
    </a>
  );
}

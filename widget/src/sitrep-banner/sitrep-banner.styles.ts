import { css } from '../shared/css';
import { EVENT_TONES, toneStyles } from '../shared/tone.styles';

// The host has no box of its own (display: contents), so an empty banner takes no space and a
// fixed one shifts nothing; all layout lives on the inner `base`.
export const styles = [
  toneStyles(EVENT_TONES),
  css`
    :host {
      display: contents;
    }
    .base {
      display: flex;
      gap: 0.75em;
      padding: var(--sitrep-padding, 0.6em 1em);
      font: var(--sitrep-font,.9375rem/1.4 system-ui,sans-serif);
      background: var(--sitrep-bg, var(--_bg));
      color: var(--sitrep-fg, var(--_fg));
    }
    .top,
    .bottom {
      position: fixed;
      inset-inline: 0;
      z-index: var(--sitrep-z-index, 2147483000);
    }
    .top {
      top: 0;
    }
    .bottom {
      bottom: 0;
    }
    .inline {
      border-radius: var(--sitrep-radius, 6px);
    }
    .content {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.75em;
    }
    .message,
    .stale {
      flex-basis: 100%;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
    }
    a {
      color: inherit;
      font-weight: 600;
    }
    button {
      all: unset;
      font-size: 1.25em;
      line-height: 1;
      padding: 0 0.3em;
      cursor: pointer;
    }
    :focus-visible {
      outline: 2px solid;
      outline-offset: 2px;
    }
  `,
];

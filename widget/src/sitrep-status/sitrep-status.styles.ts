import { css } from '../shared/css';
import { TONES, toneStyles } from '../shared/tone.styles';

export const styles = [
  toneStyles(TONES),
  css`
    :host {
      display: block;
    }
    .page {
      box-sizing: border-box;
      padding: 1.5em;
      font: var(--sitrep-font,1rem/1.5 system-ui,sans-serif);
      background: var(--sitrep-page-bg, var(--_bg));
      color: var(--sitrep-page-fg, var(--_fg));
    }
    h2 {
      margin: 0 0 0.5em;
      font-size: 1.5em;
    }
    h3 {
      margin: 1.5em 0 0.5em;
      font-size: 1.125em;
    }
    h4 {
      margin: 0.75em 0 0.25em;
      font-size: 1em;
    }
    a {
      color: inherit;
    }
    p {
      margin: 0.25em 0;
    }
    .overall,
    .badge {
      background: var(--_bg);
      color: var(--_fg);
      border-radius: var(--sitrep-radius, 6px);
    }
    .overall {
      padding: 0.75em 1em;
      font-weight: 600;
      font-size: 1.125em;
    }
    .badge {
      display: inline-block;
      padding: 0 0.5em;
      font-size: 0.875em;
      white-space: nowrap;
    }
    .meta {
      font-size: 0.875em;
    }
    .event {
      border-top: 1px solid;
      padding-top: 0.25em;
    }
    .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      padding: 0.375em 0;
      border-bottom: 1px solid rgb(128 128 128 / 0.35);
    }
    :focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
  `,
];

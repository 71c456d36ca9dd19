// The one style sheet and the one script the published pages carry inline, and the Content
// Security Policy that allows exactly them.
//
// Their SHA-256 hashes are constants computed ahead, not computed per build: crypto.subtle is
// async, and making buildSite async for two strings that never change at run time would make every
// caller await, while a unit test (test/feed/build/page-assets.test.ts) recomputes both hashes and
// fails, printing the right value, the moment either text changes without its hash.

/** Page colours per scheme; every text pair meets WCAG AA (4.5:1), every bar 3:1 on the page. */
export const PAGE_COLOURS = {
  light: {
    bg: '#ffffff',
    fg: '#1f2328',
    muted: '#59636e',
    link: '#0969da',
    line: '#d1d9e0',
    card: '#f6f8fa',
    // Bars by status rank: operational, maintenance, degraded, partial outage, major outage.
    bars: ['#1a7f37', '#0969da', '#9a6700', '#bc4c00', '#cf222e'],
    // Tones [background, text], as the widget's: none, minor, major, critical, maintenance.
    tones: {
      none: ['#e6f4ea', '#0b3d1f'],
      minor: ['#fff3c4', '#3b2f00'],
      major: ['#ffe1c7', '#4a1d00'],
      critical: ['#b42318', '#ffffff'],
      maintenance: ['#dde9fd', '#0b2e66'],
    },
  },
  dark: {
    bg: '#0d1117',
    fg: '#e6edf3',
    muted: '#9198a1',
    link: '#4493f8',
    line: '#3d444d',
    card: '#151b23',
    bars: ['#3fb950', '#4493f8', '#d29922', '#db6d28', '#f85149'],
    tones: {
      none: ['#0f2e1a', '#c6efd3'],
      minor: ['#3a3000', '#ffe89a'],
      major: ['#45200a', '#ffd2ad'],
      critical: ['#7a1710', '#ffffff'],
      maintenance: ['#0e2a52', '#cfe0ff'],
    },
  },
} as const;

const vars = (c: (typeof PAGE_COLOURS)['light' | 'dark']) =>
  `--bg:${c.bg};--fg:${c.fg};--muted:${c.muted};--link:${c.link};--line:${c.line};--card:${c.card};` +
  c.bars.map((colour, i) => `--s${i}:${colour};`).join('') +
  Object.entries(c.tones)
    .map(([tone, [bg, fg]]) => `--${tone}-bg:${bg};--${tone}-fg:${fg};`)
    .join('');

export const PAGE_STYLE =
  `:root{color-scheme:light dark;${vars(PAGE_COLOURS.light)}}` +
  `@media (prefers-color-scheme:dark){:root{${vars(PAGE_COLOURS.dark)}}}` +
  'body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
  '.wrap{max-width:50rem;margin:0 auto;padding:1.5rem 1rem}header.wrap{padding-bottom:.5rem}main.wrap{padding-top:0}' +
  'a{color:var(--link)}a:focus-visible,[tabindex]:focus-visible{outline:2px solid var(--fg);outline-offset:2px}' +
  'h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .75rem}h3{font-size:1.0625rem;margin:1.25rem 0 .5rem}' +
  'p{margin:.25rem 0}ul,ol{margin:0;padding:0;list-style:none}' +
  '.meta,.note{color:var(--muted);font-size:.875rem}' +
  '.overall{padding:.875rem 1rem;border-radius:6px;font-weight:600;font-size:1.125rem}' +
  '.tone-none{background:var(--none-bg);color:var(--none-fg)}.tone-minor{background:var(--minor-bg);color:var(--minor-fg)}' +
  '.tone-major{background:var(--major-bg);color:var(--major-fg)}.tone-critical{background:var(--critical-bg);color:var(--critical-fg)}' +
  '.tone-maintenance{background:var(--maintenance-bg);color:var(--maintenance-fg)}' +
  '.badge{display:inline-block;padding:0 .5rem;border-radius:6px;font-size:.875rem;white-space:nowrap}' +
  '.event{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;background:var(--card)}' +
  '.event h3,.event h4{margin:0 0 .25rem}.update{border-top:1px solid var(--line);margin-top:.5rem;padding-top:.5rem}' +
  '.body{white-space:pre-line;overflow-wrap:anywhere}' +
  '.rows li{display:flex;justify-content:space-between;gap:1rem;padding:.375rem 0;border-bottom:1px solid var(--line)}' +
  '.component{margin:1rem 0}.component-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}' +
  '.component-head h3,.component-head h4{margin:0}' +
  '.bars{display:flex;gap:2px;height:2rem;margin:.375rem 0 .125rem}' +
  '.bars li{flex:1;min-width:2px;position:relative;border-radius:2px;background:var(--s0)}' +
  '.bars .s1{background:var(--s1)}.bars .s2{background:var(--s2)}.bars .s3{background:var(--s3)}.bars .s4{background:var(--s4)}' +
  '.tip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '.bars li:hover .tip,.bars li:focus .tip{clip-path:none;overflow:visible;height:auto;width:max-content;max-width:16rem;' +
  'white-space:normal;bottom:calc(100% + 6px);left:50%;transform:translateX(-50%);z-index:1;padding:.375rem .625rem;' +
  'border-radius:4px;background:var(--fg);color:var(--bg);font-size:.8125rem}' +
  '.bars li:nth-child(-n+12) .tip{left:0;transform:none}.bars li:nth-last-child(-n+12) .tip{left:auto;right:0;transform:none}' +
  '.axis{display:flex;justify-content:space-between}' +
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '.day{margin:1rem 0}.day h3{border-bottom:1px solid var(--line);padding-bottom:.25rem}' +
  'footer{border-top:1px solid var(--line);margin-top:2.5rem;padding-top:1rem}' +
  // The page's own heading already names it: <sitrep-status> need not say it again.
  'sitrep-status::part(title){display:none}';

/**
 * Rewrites every `<time data-local>` (written in UTC) to the visitor's own zone, and the note
 * saying which zone the page shows. Day headings and bars stay UTC days: they have no `data-local`.
 */
export const PAGE_SCRIPT =
  '(()=>{const f=new Intl.DateTimeFormat(void 0,{year:"numeric",month:"short",day:"numeric",hour:"2-digit",minute:"2-digit",timeZoneName:"short"});' +
  'for(const t of document.querySelectorAll("time[data-local]"))t.textContent=f.format(new Date(t.dateTime));' +
  'const z=document.getElementById("zone");' +
  'if(z)z.textContent="Times are shown in your time zone ("+f.resolvedOptions().timeZone+")."})()';

/** `'sha256-…'` of PAGE_STYLE and PAGE_SCRIPT, checked by test/feed/build/page-assets.test.ts. */
export const PAGE_STYLE_HASH = "'sha256-HVxFGB7f+j9uGccLQZkgwZRZLgx06syEuR9wvdJ39u8='";
export const PAGE_SCRIPT_HASH = "'sha256-rjspPJWDcaTWCK/SO2IA4POiJkD7TnMPs0hBCAx0QCk='";

/**
 * Nothing loads but this site's own scripts (sitrep-status.js) and the one inline script and style
 * above; no plugins, frames, forms or base-URL tricks, even if a published string slipped past
 * escaping.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src 'self' ${PAGE_SCRIPT_HASH}`,
  `style-src ${PAGE_STYLE_HASH}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// What the host prints when it starts: where everything is, and the token only the first time.

export interface StartupFacts {
  url: string;
  siteDir: string;
  tokenPath: string;
  /** Given only on the start that made the token. */
  newToken?: string;
  demo: boolean;
  /** Bundles the demo seed could not copy (the widget is not built). */
  missingBundles?: readonly string[];
  /** The address listened on, when it is not loopback. */
  exposedOn?: string;
}

export function startupMessage(facts: StartupFacts): string {
  const { url } = facts;
  const lines = [
    `Sitrep host: ${url}  (serving ${facts.siteDir})`,
    '',
    `  Status page:   ${url}`,
    `  Feed:          ${url}api/v2/summary.json`,
    ...(facts.demo ? [`  Widget demo:   ${url}demo/`] : []),
    '',
    '  Embed the banner on a product page:',
    `    <script type="module" src="${url}sitrep-banner.js"></script>`,
    `    <sitrep-banner src="${url}api/v2/summary.json"></sitrep-banner>`,
    '',
    ...(facts.newToken
      ? [`  Publish token (shown this once; kept in ${facts.tokenPath}, readable by you only):`, `    ${facts.newToken}`]
      : [`  Publish token: in ${facts.tokenPath} (readable by you only)`]),
    `  In the extension: Settings → Publishing → host ${url} and that token.`,
  ];
  if (facts.missingBundles?.length) {
    lines.push('', `  Not built, so not on the site: ${facts.missingBundles.join(', ')} (run npm run build:widget).`);
  }
  if (facts.exposedOn) {
    lines.push('', `  Listening on ${facts.exposedOn}: anyone who reaches this machine can read the site. Put TLS in front before publishing over a network.`);
  }
  lines.push('', 'Ctrl+C stops the host.');
  return lines.join('\n');
}

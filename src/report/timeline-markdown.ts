import { stripBidiControls } from '../capture/untrusted-text';
import { ENTRY_KIND_LABELS, STATUS_LABELS, compareEntries, severityName, type Incident, type TimelineEntry } from '../model';
import { clipRefLabel } from '../model/clip-ref';

/**
 * An incident's timeline as Markdown for chat or a ticket:
 *
 * ```md
 * ## INC-42: Checkout errors after deploy
 *
 * **SEV2 (Major)** · Resolved · started 2026-11-28 09:02 UTC · resolved 2026-11-28 10:45 UTC (1 h 43 min)
 *
 * Times are UTC.
 *
 * - 09:10 UTC — **Alert:** Error rate above 5% ([grafana.example.com](https://grafana.example.com/d/x))
 * - 09:12 UTC — **Alert:** PagerDuty PT4KHLK: Error rate above 5% ([acme.pagerduty.com](https://acme.pagerduty.com/incidents/PT4KHLK))\
 *   seen 3×: 09:12 UTC, 09:25 UTC, 09:40 UTC\
 *   09:25 UTC: Acknowledged by Bo
 * - 09:14 UTC — ★ **Decision:** Roll back the deploy
 * ```
 *
 * A clipped alert, ticket or change is named as people say it (`PagerDuty PT4KHLK`, `Zendesk
 * #8812`, `github.com/acme/api#412`): its text starts so, and an entry whose text was edited
 * away from the name gets it back in front. An alert clipped several times lists when it was seen,
 * and what a later clip selected, on lines of its own.
 *
 * Days: when the incident (its start and its entries) spans more than one calendar day in the
 * chosen zone, each day's entries get a `### 2026-11-28` subheading; otherwise there are none and
 * the date is in the summary line. Headings keep every line short and match the side panel,
 * which also groups by day. Each time carries its zone abbreviation (`10:10 CET`), so a
 * daylight-saving change mid-incident reads unambiguously (`02:45 CEST`, then `02:10 CET`).
 *
 * Entry text is the responder's or a web page's words, not Markdown: characters that could form
 * links, images, HTML or formatting are escaped, and only http(s) source links become links.
 * Direction controls (U+202E and the rest) are stripped: chat and tickets do not isolate the
 * text, and an override there would make "‮gnp.exe" read "exe.png". Links are named by their
 * real host, however the address was written (`http://127.0.0.1\@good.example.com/` is 127.0.0.1).
 */
export interface TimelineMarkdownOptions {
  /** `UTC` or an IANA zone such as `Europe/Berlin`. */
  timeZone: string;
  /** For how long an unresolved incident has been going; defaults to the current time. */
  now?: Date;
}

/**
 * Deleted entries and entries of other incidents are left out; the rest are ordered by when
 * they happened (ties: when they were written down). Throws RangeError for an unknown zone.
 */
export function buildTimelineMarkdown(incident: Incident, entries: readonly TimelineEntry[], { timeZone, now = new Date() }: TimelineMarkdownOptions): string {
  const clock = createZoneClock(timeZone);
  const shown = entries.filter((e) => e.incidentId === incident.id && !e.deletedAt).sort(compareEntries);

  const started = clock(incident.startedAt);
  const times = shown.map((e) => clock(e.at));
  const multiDay = new Set([started.day, ...times.map((t) => t.day)]).size > 1;

  const out: string[] = [`## ${escapeHeading(incident.key)}: ${escapeHeading(incident.title)}`, ''];
  const facts = [`**${incident.severity} (${severityName(incident.severity)})**`, STATUS_LABELS[incident.status], `started ${started.day} ${started.time}`];
  const zonesUsed = [started.zone, ...times.map((t) => t.zone)];
  // Written first: the sightings' times count for the zone line too (one may be past a DST change).
  const entryLines = shown.map((entry, i) => formatEntry(entry, times[i]!, clock, zonesUsed));
  if (incident.resolvedAt) {
    const resolved = clock(incident.resolvedAt);
    zonesUsed.push(resolved.zone);
    facts.push(`resolved ${resolved.day} ${resolved.time} (${formatElapsed(incident.startedAt, incident.resolvedAt)})`);
  } else {
    facts.push(`ongoing for ${formatElapsed(incident.startedAt, now.toISOString())}`);
  }
  out.push(facts.join(' · '), '', describeZone(timeZone, zonesUsed), '');

  if (!shown.length) {
    out.push('_No timeline entries._');
    return stripBidiControls(`${out.join('\n')}\n`);
  }
  let day = '';
  shown.forEach((_entry, i) => {
    const t = times[i]!;
    if (multiDay && t.day !== day) {
      if (day) out.push('');
      out.push(`### ${t.day}`, '');
      day = t.day;
    }
    out.push(entryLines[i]!);
  });
  return stripBidiControls(`${out.join('\n')}\n`);
}

/**
 * A change entry names what changed (`Status: Resolved`, `Incident manager: Ana → Bo`): that name
 * is its label, so it is not shown beside a second one (`**Change:** Status: Resolved`).
 */
const OWN_LABEL = /^([\p{L}][\p{L}\p{N} ]{0,30}):[ \t]+(?=\S)/u;

/** The bold label an entry is shown with ('' for none), and the text after it. */
function labelAndText(entry: TimelineEntry): { label: string; text: string } {
  if (entry.kind === 'change') {
    const text = stripBidiControls(entry.text);
    const own = OWN_LABEL.exec(text);
    if (own) return { label: own[1]!, text: text.slice(own[0].length) };
  }
  return { label: entry.kind === 'note' ? '' : ENTRY_KIND_LABELS[entry.kind], text: withRefName(entry) };
}

function formatEntry(entry: TimelineEntry, at: ZonedTime, clock: (iso: string) => ZonedTime, zonesUsed: string[]): string {
  const { label, text } = labelAndText(entry);
  const prefix = [entry.starred ? '★ ' : '', label ? `**${escapeInline(label)}:** ` : ''].join('');
  const lines = textLines(text).map((line, i) => (i === 0 ? line : escapeLineStart(line)));
  const link = entry.sourceUrl ? formatSourceLink(entry.sourceUrl, entry.clip && clipLinkName(entry.clip, clock, zonesUsed)) : '';
  if (link) {
    if (lines.length) lines[lines.length - 1] += ` ${link}`;
    else lines.push(link);
  }
  const body = lines.length ? lines : ['(no text)'];
  body.push(...sightingLines(entry, at, clock, zonesUsed));
  // A trailing backslash is a hard line break: the text's own line breaks survive rendering.
  return `- ${at.time} — ${prefix}${body.join('\\\n  ')}`;
}

/** The text's non-blank lines, escaped (continuation lines still need escapeLineStart). */
function textLines(text: string): string[] {
  // Stripped before the blank-line check, so a line of nothing but controls counts as blank.
  return (
    stripBidiControls(text)
      .split(/\r\n|\r|\n/)
      .map((line) => line.trimEnd())
      // Blank lines would turn the list loose (a paragraph gap around every item).
      .filter((line) => line.trim() !== '')
      .map(escapeInline)
  );
}

/** The entry's text, with the name of the alert, ticket or change it clipped in front if an edit took it out. */
function withRefName(entry: TimelineEntry): string {
  const ref = entry.clip?.ref;
  if (!ref) return entry.text;
  const name = clipRefLabel({ ...entry.clip!, ref });
  if (stripBidiControls(entry.text).includes(stripBidiControls(name))) return entry.text;
  return entry.text.trim() ? `${name}: ${entry.text}` : name;
}

/**
 * `seen 3×: 09:12 UTC, 09:25 UTC, 09:40 UTC`, then one line per later clip that selected text
 * (`09:25 UTC: Acknowledged by Bo`). A time on another day than the entry's carries its date.
 */
function sightingLines(entry: TimelineEntry, at: ZonedTime, clock: (iso: string) => ZonedTime, zonesUsed: string[]): string[] {
  const sightings = entry.clip?.sightings;
  if (!sightings?.length) return [];
  const when = (iso: string) => {
    const t = clock(iso);
    zonesUsed.push(t.zone);
    return t.day === at.day ? t.time : `${t.day} ${t.time}`;
  };
  // In time order: a held clip placed later, or an edited entry time, may come before the entry's.
  const times = [entry.at, ...sightings.map((s) => s.at)].sort();
  const seen = `seen ${times.length}×: ${times.map(when).join(', ')}`;
  const said = sightings.flatMap((s) => {
    if (!s.text) return [];
    const [first = '', ...rest] = textLines(s.text);
    return first ? [`${when(s.at)}: ${first}`, ...rest.map(escapeLineStart)] : [];
  });
  return [seen, ...said];
}

/**
 * A clip's link text: its panel (or dashboard, or page) and window, `5xx rate by route ·
 * 10:13–11:13 UTC`, what a reader of the ticket wants to know before opening it.
 */
function clipLinkName(clip: NonNullable<TimelineEntry['clip']>, clock: (iso: string) => ZonedTime, zonesUsed: string[]): string | undefined {
  const name = [clip.panelTitle, clip.panel && `panel ${clip.panel}`, clip.dashboardTitle, clip.pageTitle].find((n) => n?.trim());
  let window: string | undefined;
  if (clip.range) {
    const from = clock(clip.range.from);
    const to = clock(clip.range.to);
    zonesUsed.push(from.zone, to.zone);
    const fromClock = from.time.slice(0, 5);
    window = from.day === to.day && from.zone === to.zone ? `${fromClock}–${to.time}` : `${from.day} ${from.time} – ${to.day} ${to.time}`;
  }
  const text = [name && stripBidiControls(name).replace(/\s+/g, ' ').trim(), window].filter(Boolean).join(' · ');
  return text || undefined;
}

/**
 * `([grafana.example.com](https://…))` — or, for a clip, `([5xx rate · 10:13–11:13 UTC](https://…))`
 * — or the address as plain text if it is not http(s).
 */
function formatSourceLink(url: string, name?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `(${escapeInline(url)})`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `(${escapeInline(url)})`;
  // href is percent-encoded (no spaces, < or >), so it is safe inside <…>; parentheses stay legal there.
  const href = parsed.href.replace(/</g, '%3C').replace(/>/g, '%3E');
  return `([${escapeInline(name ?? parsed.host)}](<${href}>))`;
}

/**
 * Backslash-escapes what could make links (`[`, `]`, `<`), HTML (`<`, `>`, entities), code,
 * emphasis, strikethrough or table cells. `_` inside a word (snake_case) cannot start emphasis,
 * so it stays readable there.
 */
/** Any character escapeInline may change: most timeline text has none, and skips the work. */
const INLINE_SPECIAL = /[\\`*[\]<>~|_&]/;

export function escapeInline(text: string): string {
  if (!INLINE_SPECIAL.test(text)) return text;
  return text
    .replace(/[\\`*[\]<>~|]/g, (ch) => `\\${ch}`)
    .replace(/_/g, (ch, offset: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? ch : `\\${ch}`,
    )
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Block markers at the start of a continuation line (heading, list, setext underline). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#=+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function escapeHeading(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ')).replace(/#/g, '\\#');
}

interface ZonedTime {
  /** `2026-11-28` in the zone. */
  day: string;
  /** `09:10 UTC` */
  time: string;
  /** `UTC`, `CET`, `UTC+5:45` */
  zone: string;
}

/**
 * CLDR gives an English abbreviation for a zone only in locales where it is common (CET in
 * en-GB, EST in en-US, IST in en-IN, AEST in en-AU), so each is tried in turn; a zone none of
 * them names is shown by its offset, `UTC+5:45`.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-ZA', 'en-IE', 'en-CA'];

function createZoneClock(timeZone: string): (iso: string) => ZonedTime {
  let parts: Intl.DateTimeFormat;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": use UTC or an IANA zone name such as Europe/Berlin.`);
  }
  const namers = ABBREVIATION_LOCALES.map((locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }));
  // en-US names each offset of a zone distinctly (GMT+1, GMT+2), so the search runs once per offset.
  const abbreviations = new Map<string, string>();
  return (iso) => {
    const date = new Date(iso);
    const p = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, value]));
    const offsetName = partValue(namers[0]!, date);
    let zone = abbreviations.get(offsetName);
    if (zone === undefined) abbreviations.set(offsetName, (zone = zoneAbbreviation(date, namers)));
    return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute} ${zone}`, zone };
  };
}

function partValue(namer: Intl.DateTimeFormat, date: Date): string {
  return namer.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function zoneAbbreviation(date: Date, namers: readonly Intl.DateTimeFormat[]): string {
  let fallback = '';
  for (const namer of namers) {
    const name = partValue(namer, date);
    if (!/^GMT[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback.replace(/^GMT/, 'UTC');
}

function describeZone(timeZone: string, zonesUsed: readonly string[]): string {
  const abbreviations = [...new Set(zonesUsed)];
  if (abbreviations.length === 1 && abbreviations[0] === 'UTC') return 'Times are UTC.';
  return `Times are ${timeZone} local time (${abbreviations.join(', ')}).`;
}

/** `1 h 43 min`, `2 d 3 h`: elapsed time, independent of any zone. */
export function formatElapsed(fromIso: string, toIso: string): string {
  const minutes = Math.floor(Math.max(0, Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours) return mins ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

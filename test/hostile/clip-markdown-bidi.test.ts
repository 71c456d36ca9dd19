// Markdown leaves Sitrep for chat and tickets, where nothing isolates it: bidirectional control
// characters are stripped, so "‮gnp.exe" reads as what it is, and links name their real host.
import { describe, expect, it } from 'vitest';
import { buildTimelineMarkdown } from '../../src/report/timeline-markdown';
import { makeEntry, makeIncident } from '../report/records';

/** Every Bidi_Control character: ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const CONTROLS = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const RLO = '\u202E';

describe('timeline Markdown with bidirectional controls', () => {
  it('strips every one of them, from the title and the entries', () => {
    const incident = makeIncident({ title: `${RLO}gnp.exe opened by ${CONTROLS.join('')}payroll` });
    const entries = [
      makeEntry({ text: `Attachment ${RLO}gnp.exe\nsecond ${CONTROLS.join('x')} line`, kind: 'clip' }),
      makeEntry({ at: '2026-11-28T09:11:00.000Z', text: `${CONTROLS.join('')}` }),
    ];

    const md = buildTimelineMarkdown(incident, entries, { timeZone: 'UTC', now: new Date('2026-11-28T10:00:00.000Z') });

    expect(md).not.toMatch(/\p{Bidi_Control}/u);
    expect(md).toContain('## INC-1: gnp.exe opened by payroll');
    expect(md).toContain('**Clip:** Attachment gnp.exe\\\n  second xxxxxxxxxxx line');
    // An entry of nothing but controls is an entry without text, not an empty line item.
    expect(md).toContain('- 09:11 UTC — (no text)');
  });

  it('keeps right-to-left letters themselves (only the controls go)', () => {
    const incident = makeIncident({ title: 'תקלה בתשלומים' });
    const md = buildTimelineMarkdown(incident, [makeEntry({ text: 'خطأ في الدفع' })], { timeZone: 'UTC', now: new Date('2026-11-28T10:00:00.000Z') });
    expect(md).toContain('## INC-1: תקלה בתשלומים');
    expect(md).toContain('خطأ في الدفع');
  });

  it.each([
    ['http://127.0.0.1\\@good.example.com/', '127.0.0.1'],
    ['http://good.example.com@127.0.0.1/', '127.0.0.1'],
    ['https://xn--80ak6aa92e.com/', 'xn--80ak6aa92e.com'],
  ])('a link to %s names its real host', (sourceUrl, host) => {
    const md = buildTimelineMarkdown(makeIncident(), [makeEntry({ text: 'see', sourceUrl })], { timeZone: 'UTC', now: new Date('2026-11-28T10:00:00.000Z') });
    expect(md).toContain(`([${host}](<`);
    expect(md).not.toContain('[good.example.com]');
  });
});

import { describe, expect, it } from 'vitest';
import { emailDraft, MAX_MAILTO_LENGTH } from '../../../src/publish/notifiers/email';
import { HOSTILE_TEXTS, notification } from './notifications';

// `mailto:` as RFC 6068 defines it (https://www.rfc-editor.org/rfc/rfc6068): `mailto:addr,addr?subject=…&body=…`,
// every hfvalue percent-encoded as UTF-8, a space as %20 (never `+`), a line break as %0D%0A.

const exec = { to: 'exec@example.com, comms@example.com', audience: 'internal' } as const;

/** The draft as a mail client reads it: through the URL parser, then percent-decoding. */
function opened(href: string) {
  const url = new URL(href);
  const query = url.href.slice(url.href.indexOf('?') + 1);
  const fields = Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  return { protocol: url.protocol, to: decodeURIComponent(url.pathname).split(','), fields, params: [...url.searchParams.keys()] };
}

describe('emailDraft', () => {
  it('opens a draft to the list with the subject, the message, the facts and the links', () => {
    const draft = emailDraft(notification(), exec);
    expect(draft).toEqual({
      href:
        'mailto:exec@example.com,comms@example.com?subject=%5BINC-7%5D%20Identified%3A%20Card%20payments%20failing&body=' +
        'Card%20payments%20fail%20for%20about%2030%25%20of%20customers.%0D%0AWe%20found%20the%20cause%20and%20are%20rolling%20back.' +
        '%0D%0A%0D%0AStatus%3A%20Identified%0D%0ASeverity%3A%20SEV1%0D%0APosted%3A%202026-11-28%2009%3A30%20UTC' +
        '%0D%0A%0D%0AStatus%20page%3A%20https%3A%2F%2Fstatus.example.com%2Fincidents%2Finc-7.html' +
        '%0D%0AInternal%20timeline%3A%20https%3A%2F%2Fsitrep.example.com%2Ftimeline%2Finc-7',
      subject: '[INC-7] Identified: Card payments failing',
      body:
        'Card payments fail for about 30% of customers.\r\nWe found the cause and are rolling back.\r\n\r\n' +
        'Status: Identified\r\nSeverity: SEV1\r\nPosted: 2026-11-28 09:30 UTC\r\n\r\n' +
        'Status page: https://status.example.com/incidents/inc-7.html\r\nInternal timeline: https://sitrep.example.com/timeline/inc-7',
      truncated: false,
    });
  });

  it('round-trips through new URL() and decodeURIComponent', () => {
    const draft = emailDraft(notification({ message: 'Line one\nLine two\r\nLine three + 50% “quoted” — ünïcödé 🔥' }), exec);
    const mail = opened(draft.href);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.to).toEqual(['exec@example.com', 'comms@example.com']);
    expect(mail.params).toEqual(['subject', 'body']);
    expect(mail.fields).toEqual({ subject: draft.subject, body: draft.body });
    expect(mail.fields.body!.startsWith('Line one\r\nLine two\r\nLine three + 50% “quoted” — ünïcödé 🔥\r\n\r\n')).toBe(true);
    // Spaces as %20 and line breaks as %0D%0A, never `+` or a bare %0A (RFC 6068 §5).
    expect(draft.href).not.toMatch(/[ +\n\r]/);
    expect(draft.href).not.toMatch(/(?<!%0D)%0A/);
  });

  it('leaves the internal timeline out for a public audience, and links that are not http(s)', () => {
    expect(emailDraft(notification(), { ...exec, audience: 'public' }).body).not.toContain('Internal timeline');
    const body = emailDraft(notification({ statusPageUrl: 'javascript:alert(1)' }), exec).body;
    expect(body).not.toContain('Status page');
    expect(body).not.toContain('javascript');
  });

  it.each([
    ['a header in the subject', { publicTitle: 'Down\r\nBcc: everyone@example.com' }, exec],
    ['a query in an address', {}, { to: 'ops@example.com?bcc=evil@example.com&body=phish', audience: 'internal' as const }],
    ['an ampersand field in the message', { message: 'a&cc=evil@example.com&subject=x' }, exec],
  ])('adds no header or recipient through %s', (_name, change, notifier) => {
    const mail = opened(emailDraft(notification(change), notifier).href);
    expect(mail.params).toEqual(['subject', 'body']);
    for (const address of mail.to) expect(address).not.toMatch(/^evil|,evil/);
    expect(mail.fields.subject).not.toMatch(/[\r\n]/);
  });

  it.each(HOSTILE_TEXTS)('keeps hostile text as typed: %s', (hostile) => {
    const draft = emailDraft(notification({ message: hostile }), exec);
    expect(opened(draft.href).fields.body!.startsWith(hostile.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it.each([
    ['a long message', 'Everything is slow for everyone. '.repeat(200)],
    ['a message of emoji', '🔥'.repeat(3000)],
    ['a message of characters that encode long', 'ü€ '.repeat(1000)],
  ])('shortens %s to fit the link, keeping the links and a note', (_name, message) => {
    const draft = emailDraft(notification({ message }), exec);
    expect(draft.truncated).toBe(true);
    expect(draft.href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    // Close to the limit: the cut is the longest that fits, not a timid one.
    expect(draft.href.length).toBeGreaterThan(MAX_MAILTO_LENGTH - 60);
    const body = opened(draft.href).fields.body!;
    expect(body).toContain('… [shortened: the full update is on the status page]');
    expect(body).toContain('Status page: https://status.example.com/incidents/inc-7.html');
    expect(body.isWellFormed()).toBe(true);
    expect(message.startsWith(body.slice(0, body.indexOf('…')))).toBe(true);
  });

  it('says it shortened without pointing to a status page there is none of', () => {
    const draft = emailDraft(notification({ message: 'x '.repeat(2000), statusPageUrl: undefined }), exec);
    expect(draft.body).toContain('… [shortened to fit an email link]');
    expect(draft.href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
  });
});

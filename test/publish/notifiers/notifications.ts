import type { Notification } from '../../../src/model';

/** A SEV1 status update as the outbox hands it to a notifier. */
export const cardPayments: Notification = {
  updateId: '0b9c6a8e-7c1f-4a57-9a43-2f6f1b7c9d10',
  incidentKey: 'INC-7',
  publicTitle: 'Card payments failing',
  severity: 'SEV1',
  status: 'identified',
  message: 'Card payments fail for about 30% of customers.\nWe found the cause and are rolling back.',
  at: '2026-11-28T09:30:00.000Z',
  statusPageUrl: 'https://status.example.com/incidents/inc-7.html',
  timelineUrl: 'https://sitrep.example.com/timeline/inc-7',
};

/** `at` in Unix seconds. */
export const CARD_PAYMENTS_AT = 1795858200;

export function notification(change: Partial<Notification> = {}): Notification {
  return { ...cardPayments, ...change };
}

/**
 * Incident text written to trick a channel: a Slack mention and disguised link, Markdown links
 * to script, HTML, a Teams mention, Markdown block markers, HTML entities.
 */
export const HOSTILE_TEXTS = [
  '<!channel> *x* <https://evil.example|login>',
  '](javascript:alert(1))',
  '[login](https://evil.example) ![pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)><b>bold</b> <script>alert(1)</script>',
  '<at>Adele Vance</at> <!here> <@U012AB3CD> <#C012AB3CD>',
  '# Heading\n- item\n1. first\n> quote\n```code```\n---',
  '**bold** _italic_ ~strike~ `code` &lt;b&gt; &amp; \\*',
  '<https://evil.example>',
];

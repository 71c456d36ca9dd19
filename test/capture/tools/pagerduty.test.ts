import { describe, it } from 'vitest';
import { recognizePagerDuty } from '../../../src/capture/tools/pagerduty.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizePagerDuty', () => {
  it.each([
    {
      // PagerDuty REST API reference (Get an incident): `html_url` of the documented example.
      url: 'https://subdomain.pagerduty.com/incidents/PT4KHLK',
      ref: { kind: 'alert', id: 'PT4KHLK' },
    },
    {
      // PagerDuty REST API reference (List alerts for an incident): an alert's `html_url`.
      url: 'https://subdomain.pagerduty.com/alerts/PXPGF42',
      ref: { kind: 'alert', id: 'PXPGF42' },
    },
    {
      // A runbook's "example alert" link (IBM Cloud runbooks): a 14-character id of a newer account.
      url: 'https://ibm.pagerduty.com/alerts/Q38YKILPPF3XBW',
      ref: { kind: 'alert', id: 'Q38YKILPPF3XBW' },
    },
    {
      // A log entry's `html_url` in an EU-region account's API response: the incident is the page's subject.
      url: 'https://google-com-2.eu.pagerduty.com/incidents/Q1C5WQ0U8TSCXE/log_entries/R3KU978DGL23224A6HDL9W2P47',
      ref: { kind: 'alert', id: 'Q1C5WQ0U8TSCXE' },
    },
    {
      // A runbook's link copied from PagerDuty's Slack app, which adds campaign parameters.
      url: 'https://salesforce.pagerduty.com/incidents/Q327909PW4P46X?utm_campaign=channel&utm_source=slack',
      ref: { kind: 'alert', id: 'Q327909PW4P46X' },
      frozenUrl: 'https://salesforce.pagerduty.com/incidents/Q327909PW4P46X',
    },
    {
      // PagerDuty's incidents list, as a browser bookmark: the app, but no one alert.
      url: 'https://acme.pagerduty.com/incidents?status=triggered,acknowledged',
    },
    {
      // Constructed: the service directory of an EU account.
      url: 'https://acme.eu.pagerduty.com/service-directory/PSVC123',
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizePagerDuty, url, { tool: 'pagerduty', ...expected });
  });

  it.each([
    'https://www.pagerduty.com/pricing/',
    'https://api.pagerduty.com/incidents/PT4KHLK',
    'https://developer.pagerduty.com/api-reference/',
    'https://support.pagerduty.com/main/docs/incidents',
    'https://pagerduty.example.com/incidents/PT4KHLK',
  ])('is not a PagerDuty page: %s', (url) => {
    expectNotClaimed(recognizePagerDuty, url);
  });

  it.each(['https://acme.pagerduty.com/incidents/new', 'https://acme.pagerduty.com/incidents/pt4khlk', 'https://acme.pagerduty.com/alerts'])(
    'names no alert where the path holds no id: %s',
    (url) => {
      expectRef(recognizePagerDuty, url, { tool: 'pagerduty' });
    },
  );
});

import { describe, it } from 'vitest';
import { recognizeOpsgenie } from '../../../src/capture/tools/opsgenie.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeOpsgenie', () => {
  it.each([
    {
      // A Datadog monitor's README linking an "example alert" (washpost): the current app's route.
      url: 'https://washpost.app.opsgenie.com/alert/detail/22a1d1f7-8a77-4e3a-8050-8c51405541c1-1689010338026/logs',
      ref: { kind: 'alert', id: '22a1d1f7-8a77-4e3a-8050-8c51405541c1-1689010338026' },
    },
    {
      // An Opsgenie userscript's @match (`https://kaltura.app.opsgenie.com/alert/detail/*/details`).
      url: 'https://kaltura.app.opsgenie.com/alert/detail/6f756050-b815-4ca2-82b9-beffac75779d-1516617363949/details',
      ref: { kind: 'alert', id: '6f756050-b815-4ca2-82b9-beffac75779d-1516617363949' },
    },
    {
      // A link parser's test table (EU region, `some.app.eu.opsgenie.com/alert/detail/…/details`).
      url: 'https://some.app.eu.opsgenie.com/alert/detail/15ccd687fb8d-1724415135067/details',
      ref: { kind: 'alert', id: '15ccd687fb8d-1724415135067' },
    },
    {
      // Zulip's Opsgenie webhook (zerver/webhooks/opsgenie): the older app's fragment route.
      url: 'https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c',
      ref: { kind: 'alert', id: '052652ac-5d1c-464a-812a-7dd18bbfba8c' },
    },
    {
      // A comment in an Opsgenie integration: "the url you see when you open an alert in OG".
      url: 'https://app.opsgenie.com/alert/V2#/show/6f756050-b815-4ca2-82b9-beffac75779d-1516617363949/details',
      ref: { kind: 'alert', id: '6f756050-b815-4ca2-82b9-beffac75779d-1516617363949' },
    },
    {
      // zalando-kubectl's emergency-access reference for an alert id.
      url: 'https://zalando.app.opsgenie.com/alert/show/6f756050-b815-4ca2-82b9-beffac75779d-1516617363949',
      ref: { kind: 'alert', id: '6f756050-b815-4ca2-82b9-beffac75779d-1516617363949' },
    },
    {
      // Opsgenie Incident API documentation: `links.web` of an incident.
      url: 'https://mytestaccount.app.opsgenie.com/incident/detail/652f14b3-019a-4d4c-8b83-e4da527a416c',
      ref: { kind: 'alert', id: '652f14b3-019a-4d4c-8b83-e4da527a416c' },
    },
    {
      // The Opsgenie Alert Notifier extension opens an alert by its id through the short link.
      url: 'https://opsg.in/a/i/70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200296208',
      ref: { kind: 'alert', id: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200296208' },
    },
    {
      // Stream Deck "Ops Alerts" plugin: an alert in Jira Service Management Operations.
      url: 'https://devoinc.atlassian.net/jira/ops/alerts/70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200296208',
      ref: { kind: 'alert', id: '70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200296208' },
    },
    {
      // A team's bookmark of the EU alert list: Opsgenie, but no one alert.
      url: 'https://checkly.app.eu.opsgenie.com/alert/list',
    },
    {
      // A JSM Operations filter a user saved: the list of open alerts.
      url: 'https://boomii.atlassian.net/jira/ops/alerts?view=list&query=status:%20%22open%22%20AND%20acknowledged:%20false',
    },
    {
      // Constructed: an alert link shared with campaign parameters.
      url: 'https://acme.app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details?utm_source=slack',
      ref: { kind: 'alert', id: '052652ac-5d1c-464a-812a-7dd18bbfba8c' },
      frozenUrl: 'https://acme.app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details',
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeOpsgenie, url, { tool: 'opsgenie', ...expected });
  });

  it.each([
    'https://www.atlassian.com/software/opsgenie',
    'https://docs.opsgenie.com/docs/alert-api',
    'https://api.opsgenie.com/v2/alerts/052652ac-5d1c-464a-812a-7dd18bbfba8c',
    'https://acme.atlassian.net/browse/OPS-1',
    'https://opsgenie.example.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details',
  ])('is not an Opsgenie page: %s', (url) => {
    expectNotClaimed(recognizeOpsgenie, url);
  });

  it.each(['https://app.opsgenie.com/alert/V2#/alert-genie', 'https://acme.app.opsgenie.com/alert/detail/not-an-id/details', 'https://opsg.in/a/i/'])(
    'names no alert where the route holds no id: %s',
    (url) => {
      expectRef(recognizeOpsgenie, url, { tool: 'opsgenie' });
    },
  );
});

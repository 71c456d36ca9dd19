import { describe, expect, it } from 'vitest';
import { recognizeAlertmanager } from '../../../src/capture/tools/alertmanager.ts';
import { expectNotRecognized } from './expect-recognized.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');

describe('recognizeAlertmanager', () => {
  it.each([
    {
      // prometheus/alertmanager ui/app/README.md, "Filtering on the alerts page".
      url: 'http://alertmanager/#/alerts?filter=%7Bseverity%3D%22warning%22%2C%20owner%3D%22backend%22%7D',
      query: '{severity="warning", owner="backend"}',
    },
    {
      // ui/app/README.md, "Filtering on the silences page".
      url: 'http://alertmanager/#/silences?filter=%7Bseverity%3D%22warning%22%2C%20owner%3D%22backend%22%7D',
      query: '{severity="warning", owner="backend"}',
    },
    {
      // ui/app/README.md: silenced alerts, no filter.
      url: 'http://alertmanager/#/alerts?silenced=true',
      query: undefined,
    },
    {
      // Robust Perception, "Pre-populated silence URLs": the new-silence form.
      url: 'http://demo.robustperception.io:9093/#/silences/new?filter={alertname%3D%22ExampleAlertAlwaysFiring%22}&comment=Example%20comment',
      query: '{alertname="ExampleAlertAlwaysFiring"}',
    },
    {
      // The shape, self-hosted under a sub-path on a host that does not say Alertmanager.
      url: 'https://ops.example.com/am/#/alerts?silenced=false&inhibited=false&active=true&filter=%7Balertname%3D%22X%22%7D',
      query: '{alertname="X"}',
    },
    { url: 'https://alertmanager.example.com/#/status', query: undefined },
  ])('reads $url', ({ url, query }) => {
    const found = recognizeAlertmanager(new URL(url), NOW);
    expect(found).toEqual({ tool: 'alertmanager', frozenUrl: new URL(url).href, ...(query === undefined ? {} : { query }) });
    // Alertmanager shows the present; there is no range to freeze.
    expect(found?.range).toBeUndefined();
  });

  it.each(['https://app.example.com/#/alerts', 'https://app.example.com/#/settings?filter=x', 'https://alertmanager.example.com/api/v2/alerts'])(
    'leaves %s to other recognizers',
    (url) => {
      expectNotRecognized(recognizeAlertmanager, url, NOW);
    },
  );
});

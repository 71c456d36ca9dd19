import { describe, expect, it } from 'vitest';
import { buildClipDraft, type ClipInput } from '../../src/capture/build-clip';
import { recognize } from '../../src/capture/recognize';
import { COMPONENT_DEFAULTS, ClipDraft, type Component } from '../../src/model';

const now = new Date('2026-11-28T10:00:00.000Z');

function component(name: string, dashboardPatterns: string[]): Component {
  return { ...COMPONENT_DEFAULTS, id: crypto.randomUUID(), name, owner: 'Team', dashboardPatterns, updatedAt: '2026-11-28T09:00:00.000Z' };
}

const payments = component('Payments', ['https://grafana.example.com/d/abc123']);
const logs = component('Logs', ['https://kibana.example.com/app/*']);
const components = [payments, logs];

const GRAFANA = 'https://grafana.example.com/d/abc123/checkout?orgId=1&from=now-1h&to=now&viewPanel=4';
const GRAFANA_FROZEN = 'https://grafana.example.com/d/abc123/checkout?orgId=1&from=1795856400000&to=1795860000000&viewPanel=4';
const KIBANA = "https://kibana.example.com/app/discover#/?_g=(time:(from:now-15m,to:now))&_a=(query:(language:kuery,query:'status:500'))";
const SLACK = 'https://app.slack.com/client/T1/C2';

/** What the background hands over: recognize() is run on the link if there is one, else the page. */
function input(fields: Omit<ClipInput, 'recognized' | 'components'> & { components?: Component[] }): ClipInput {
  return { components, ...fields, recognized: recognize(fields.linkUrl ?? fields.pageUrl, now) };
}

describe('buildClipDraft', () => {
  it.each<[string, ClipInput, { text: string; sourceUrl?: string; pageUrl: string; tool: string; components: string[] }]>([
    [
      'selected text on a Grafana dashboard: the frozen window is the link',
      input({ pageUrl: GRAFANA, pageTitle: 'Checkout - Grafana', selection: '  p99 latency 2.4 s  ' }),
      { text: 'p99 latency 2.4 s', sourceUrl: GRAFANA_FROZEN, pageUrl: GRAFANA, tool: 'grafana', components: ['Payments'] },
    ],
    [
      'a link right-clicked in chat: the link is what is clipped, recognized and tagged',
      input({ pageUrl: SLACK, pageTitle: 'incident-42 (Channel) - Slack', linkUrl: GRAFANA }),
      { text: `Link from incident-42 (Channel) - Slack: ${GRAFANA}`, sourceUrl: GRAFANA_FROZEN, pageUrl: GRAFANA, tool: 'grafana', components: ['Payments'] },
    ],
    [
      'an image right-clicked on a dashboard',
      input({ pageUrl: GRAFANA, pageTitle: 'Checkout - Grafana', imageUrl: 'https://grafana.example.com/render/d-solo/abc123?panelId=4' }),
      {
        text: 'Image on Checkout - Grafana: https://grafana.example.com/render/d-solo/abc123?panelId=4',
        sourceUrl: GRAFANA_FROZEN,
        pageUrl: GRAFANA,
        tool: 'grafana',
        components: ['Payments'],
      },
    ],
    [
      'the whole page, with the panel and dashboard the page named',
      input({ pageUrl: GRAFANA, pageTitle: 'Checkout - Grafana', panelTitle: 'p99 latency', dashboardTitle: 'Checkout' }),
      { text: 'p99 latency — Checkout', sourceUrl: GRAFANA_FROZEN, pageUrl: GRAFANA, tool: 'grafana', components: ['Payments'] },
    ],
    [
      'the whole page of a Kibana search, by its title',
      input({ pageUrl: KIBANA, pageTitle: 'Discover - Elastic' }),
      {
        text: 'Discover - Elastic',
        sourceUrl:
          "https://kibana.example.com/app/discover#/?_g=(time:(from:'2026-11-28T09:45:00.000Z',to:'2026-11-28T10:00:00.000Z'))&_a=(query:(language:kuery,query:'status:500'))",
        pageUrl: KIBANA,
        tool: 'kibana',
        components: ['Logs'],
      },
    ],
    [
      'a selection of only blanks counts as none',
      input({ pageUrl: SLACK, pageTitle: 'Slack', selection: ' \n\t ' }),
      { text: 'Slack', sourceUrl: SLACK, pageUrl: SLACK, tool: 'generic', components: [] },
    ],
    [
      'a chrome:// page: text is its title, and it is no link',
      input({ pageUrl: 'chrome://extensions/', pageTitle: 'Extensions', notice: 'This page does not let extensions read it.' }),
      { text: 'Extensions', pageUrl: 'chrome://extensions/', tool: 'generic', components: [] },
    ],
    [
      'a chrome:// page without a title: text is its address',
      input({ pageUrl: 'chrome://newtab/', pageTitle: '' }),
      { text: 'chrome://newtab/', pageUrl: 'chrome://newtab/', tool: 'generic', components: [] },
    ],
    [
      'a PDF in the browser viewer is still an http(s) link',
      input({ pageUrl: 'https://status.example.com/postmortem.pdf', pageTitle: 'postmortem.pdf' }),
      {
        text: 'postmortem.pdf',
        sourceUrl: 'https://status.example.com/postmortem.pdf',
        pageUrl: 'https://status.example.com/postmortem.pdf',
        tool: 'generic',
        components: [],
      },
    ],
  ])('%s', (_name, clipInput, expected) => {
    const draft = buildClipDraft(clipInput);
    // Whatever is built must be storable: addClip and holdClip validate with this schema.
    expect(ClipDraft.parse(draft)).toEqual(draft);
    expect(draft.text).toBe(expected.text);
    expect(draft.sourceUrl).toBe(expected.sourceUrl);
    expect(draft.clip.frozenUrl).toBe(expected.sourceUrl);
    expect(draft.clip.pageUrl).toBe(expected.pageUrl);
    expect(draft.clip.tool).toBe(expected.tool);
    expect(draft.clip.componentIds).toEqual(expected.components.map((name) => components.find((c) => c.name === name)!.id));
  });

  it('keeps what recognize() and the page found: range, panel, titles, notice', () => {
    const draft = buildClipDraft(
      input({
        pageUrl: GRAFANA,
        pageTitle: 'Checkout - Grafana',
        panelTitle: 'p99 latency',
        dashboardTitle: 'Checkout',
        notice: 'No screenshot: the tab was hidden.',
      }),
    );
    expect(draft.clip).toEqual({
      tool: 'grafana',
      pageUrl: GRAFANA,
      pageTitle: 'Checkout - Grafana',
      frozenUrl: GRAFANA_FROZEN,
      range: { from: '2026-11-28T09:00:00.000Z', to: '2026-11-28T10:00:00.000Z', relative: true },
      panel: '4',
      panelTitle: 'p99 latency',
      dashboardTitle: 'Checkout',
      componentIds: [payments.id],
      notice: 'No screenshot: the tab was hidden.',
    });
  });

  it('clamps a huge selection, title and query to what an entry holds', () => {
    const query = `status:500 AND ${'x'.repeat(20_000)}`;
    const draft = buildClipDraft({
      pageUrl: 'https://logs.example.com/search',
      pageTitle: 'T'.repeat(5000),
      selection: 'log line\n'.repeat(50_000),
      recognized: { tool: 'generic', frozenUrl: 'https://logs.example.com/search', query },
      components: [],
    });
    expect(draft.text).toHaveLength(100_000);
    expect(draft.text.startsWith('log line\nlog line')).toBe(true);
    expect(draft.clip.pageTitle).toHaveLength(2000);
    expect(draft.clip.query).toHaveLength(10_000);
    expect(ClipDraft.parse(draft)).toEqual(draft);
  });

  it.each([
    ['a host name with an underscore', 'http://grafana_internal:3000/d/abc123/x?orgId=1&from=now-1h&to=now'],
    ['an IPv6 literal', 'http://[::1]:3000/d/abc123/x?orgId=1&from=now-1h&to=now'],
    ['a frozen URL longer than a link may be', `https://grafana.example.com/d/abc123/x?orgId=1&from=now-1h&to=now&var-q=${'a'.repeat(9000)}`],
  ])('still yields a storable clip, without a link, for %s', (_name, url) => {
    const draft = buildClipDraft(input({ pageUrl: url, pageTitle: 'Grafana' }));
    expect(draft.sourceUrl).toBeUndefined();
    expect(draft.clip.frozenUrl).toBeUndefined();
    expect(draft.clip.tool).toBe('grafana');
    expect(() => ClipDraft.parse(draft)).not.toThrow();
  });

  it('tags at most 100 components, the most a clip stores', () => {
    const many = Array.from({ length: 120 }, (_, i) => component(`C${i}`, ['https://grafana.example.com/*']));
    const draft = buildClipDraft(input({ pageUrl: GRAFANA, pageTitle: 'Grafana', components: many }));
    expect(draft.clip.componentIds).toEqual(many.slice(0, 100).map((c) => c.id));
    expect(() => ClipDraft.parse(draft)).not.toThrow();
  });
});

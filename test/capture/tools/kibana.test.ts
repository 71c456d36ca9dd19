import { describe, expect, it } from 'vitest';
import { recognizeKibana } from '../../../src/capture/tools/kibana.ts';
import { freezeKibanaUrl, hasHashedState } from '../../../src/capture/tools/kibana-state.ts';
import { decodeRison } from '../../../src/capture/rison.ts';
import { parseQuery, splitHashRoute } from '../../../src/capture/query-string.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2030-01-01T00:00:00Z');

/** The decoded `_g` of a URL, wherever Kibana put it. */
function globalState(url: string): unknown {
  const parsed = new URL(url);
  const raw = parseQuery(splitHashRoute(parsed.hash).query).get('_g') ?? parsed.searchParams.get('_g');
  return raw === undefined || raw === null ? undefined : decodeRison(raw);
}

describe('recognizeKibana', () => {
  it.each([
    {
      // Kibana test/functional/apps/discover/_shared_links.ts, "should allow for copying the
      // snapshot URL": already absolute, so the frozen URL is the URL itself.
      url:
        "http://localhost:5601/app/discover?_t=1453775307251#/?_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:'2015-09-19T06:31:44.000Z',to:'2015-09-23T18:31:44.000Z'))" +
        "&_a=(columns:!(_source),filters:!(),index:'logstash-*',interval:auto,query:(language:kuery,query:''),sort:!(!('@timestamp',desc)))",
      range: { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z', relative: false },
      query: undefined,
      time: { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z' },
    },
    {
      // _shared_links.ts, "should allow for copying the saved object URL": rison percent-encoded.
      url:
        'http://localhost:5601/app/discover#/view/ab12e3c0-f231-11e6-9486-733b1ac9221a' +
        "?_g=(filters%3A!()%2CrefreshInterval%3A(pause%3A!t%2Cvalue%3A0)%2Ctime%3A(from%3A'2015-09-19T06%3A31%3A44.000Z'%2Cto%3A'2015-09-23T18%3A31%3A44.000Z'))",
      range: { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z', relative: false },
      query: undefined,
      time: { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z' },
    },
    {
      // @clickandmortar/kibana-url-builder README (npm): a Kibana 6 `/app/kibana#/discover` URL with
      // `mode:quick` relative time and a Lucene query.
      url: "http://kibana:5601/app/kibana#/discover?_g=(time:(from:now-15m,mode:quick,to:now))&_a=(columns:!(_source),filters:!(),interval:auto,query:(language:lucene,query:'my query'),sort:!('@timestamp',desc))",
      range: { from: '2026-11-28T08:55:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'my query',
      time: { from: '2026-11-28T08:55:00.000Z', mode: 'absolute', to: '2026-11-28T09:10:00.000Z' },
    },
    {
      // A Kibana 5 share link posted publicly (pastebin.com/yxfbUeKC): `query_string` query object.
      url: "https://kibana-lux3.ecpdss.net/app/kibana#/discover?_g=(refreshInterval:(display:Off,pause:!f,value:0),time:(from:now-4h,mode:quick,to:now))&_a=(columns:!(short_message),filters:!(),index:AV9zaw8M-A3ak-akfwaq,interval:auto,query:(query_string:(analyze_wildcard:!t,query:'247111585')),sort:!('@timestamp',desc))",
      range: { from: '2026-11-28T05:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: '247111585',
      time: { from: '2026-11-28T05:10:00.000Z', mode: 'absolute', to: '2026-11-28T09:10:00.000Z' },
    },
    {
      // Constructed: a dashboard in a space with "Today" and a KQL query, the Kibana 8 shape.
      url: "https://kibana.example.com/s/payments/app/dashboards#/view/722b74f0-b882-11e8-a6d9-e546fe2bba5f?_g=(filters:!(),refreshInterval:(pause:!t,value:60000),time:(from:now%2Fd,to:now%2Fd))&_a=(expandedPanelId:'4c4f0a1e',query:(language:kuery,query:'service.name:%22checkout%22'))",
      range: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T23:59:59.999Z', relative: true },
      query: 'service.name:"checkout"',
      panel: '4c4f0a1e',
      time: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T23:59:59.999Z' },
    },
    {
      // Constructed: Kibana 8.x Discover in ES|QL mode keeps the query in `query:(esql:'…')`.
      url: "https://ops.example.com/kibana/app/discover#/?_g=(time:(from:now-1h,to:now))&_a=(dataSource:(type:esql),query:(esql:'FROM logs-* | WHERE http.response.status_code >= 500'))",
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'FROM logs-* | WHERE http.response.status_code >= 500',
      time: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z' },
    },
  ])('resolves $url', ({ url, range, query, panel, time }) => {
    const found = expectRecognized(recognizeKibana, url, { tool: 'kibana', range, query, panel }, { now: NOW, later: LATER });
    expect((globalState(found.frozenUrl) as { time: unknown }).time).toEqual(time);
  });

  it('writes the frozen time in Kibana’s own rison, leaving the rest of the URL alone', () => {
    const url = "http://localhost:5601/app/discover#/?_g=(filters:!(),time:(from:now-15m,to:now))&_a=(columns:!(_source),query:(language:kuery,query:''))";
    expect(recognizeKibana(new URL(url), NOW)?.frozenUrl).toBe(
      "http://localhost:5601/app/discover#/?_g=(filters:!(),time:(from:'2026-11-28T08:55:00.000Z',to:'2026-11-28T09:10:00.000Z'))&_a=(columns:!(_source),query:(language:kuery,query:''))",
    );
  });

  it('takes the first enabled filter pill when the query bar is empty', () => {
    const url =
      "http://localhost:5601/app/discover#/?_g=(time:(from:now-15m,to:now))&_a=(filters:!((meta:(disabled:!t,key:host,params:(query:a)),query:()),(meta:(disabled:!f,key:kubernetes.namespace_name,negate:!t,params:(query:payments),type:phrase),query:(match_phrase:(kubernetes.namespace_name:payments)))),query:(language:kuery,query:''))";
    expect(recognizeKibana(new URL(url), NOW)?.query).toBe('NOT kubernetes.namespace_name: payments');
  });

  it('reads the Observability apps’ rangeFrom/rangeTo and kuery', () => {
    // Kibana observability overview test (fetchObservabilityOverviewPageData): the APM app link.
    const found = recognizeKibana(new URL('http://localhost:5601/app/apm/services?rangeFrom=now-15m&rangeTo=now&kuery=service.name%3A%22checkout%22'), NOW);
    expect(found?.range).toEqual({ from: '2026-11-28T08:55:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true });
    expect(found?.query).toBe('service.name:"checkout"');
    expect(found?.frozenUrl).toBe(
      'http://localhost:5601/app/apm/services?rangeFrom=2026-11-28T08%3A55%3A00.000Z&rangeTo=2026-11-28T09%3A10%3A00.000Z&kuery=service.name%3A%22checkout%22',
    );
  });

  describe('state kept in session storage (state:storeInSessionStorage)', () => {
    // Kibana _shared_links.ts "shared links with state in sessionStorage": the URL holds h@ keys.
    const hashed = 'http://localhost:5601/app/discover#/?_g=h@44136fa&_a=h@e5e4f2e';

    it('is Kibana with no range in the URL, so nothing is frozen from the URL alone', () => {
      expect(hasHashedState(new URL(hashed))).toBe(true);
      expect(recognizeKibana(new URL(hashed), NOW)).toEqual({ tool: 'kibana', frozenUrl: hashed });
    });

    it('freezes with the range the time picker shows', () => {
      const range = { from: '2015-09-19T06:31:44.000Z', to: '2015-09-23T18:31:44.000Z' };
      const frozen = freezeKibanaUrl(new URL(hashed), range);
      expect(frozen).toBe("http://localhost:5601/app/discover#/?_g=(time:(from:'2015-09-19T06:31:44.000Z',to:'2015-09-23T18:31:44.000Z'))&_a=h@e5e4f2e");
      expect(recognizeKibana(new URL(frozen), NOW)?.range).toEqual({ ...range, relative: false });
    });
  });

  it.each([
    // Kibana 6.5 docs, Shorten URL API example: an empty `_g`, so no range to read.
    "http://localhost:5601/app/kibana#/dashboard?_g=()&_a=(description:'',filters:!(),fullScreenMode:!f,query:(language:lucene,query:''),timeRestore:!f,title:'New%20Dashboard',viewMode:edit)",
    'https://kibana.example.com/app/home',
    'http://localhost:5601/app/discover#/?_g=(time:(from:never,to:now))',
  ])('recognizes %s without a range', (url) => {
    expectRecognizedWithoutRange(recognizeKibana, url, 'kibana', NOW);
  });

  it.each(['https://example.com/app/settings', 'https://example.com/discover#/?_g=(time:(from:now-1h,to:now))'])('leaves %s to other recognizers', (url) => {
    expectNotRecognized(recognizeKibana, url, NOW);
  });
});

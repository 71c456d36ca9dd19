import { describe, expect, it } from 'vitest';
import { recognizeOpenSearch } from '../../../src/capture/tools/opensearch.ts';
import { expectNotRecognized, expectRecognized } from './expect-recognized.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2030-01-01T00:00:00Z');

describe('recognizeOpenSearch', () => {
  it.each([
    {
      // UK Ministry of Justice cloud-platform alert template: Amazon OpenSearch Service's
      // `/_dashboards/` base path and the Data Explorer's `_q` query.
      url:
        "https://app-logs.cloud-platform.service.justice.gov.uk/_dashboards/app/data-explorer/discover#?_a=(discover:(columns:!(_source),isDirty:!f,sort:!()),metadata:(indexPattern:'6c27ca40-6bbe-11ef-8007-3f25c14a7648',view:discover))" +
        '&_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:now-3h,to:now))' +
        "&_q=(filters:!(),query:(language:kuery,query:'%22violates%20PodSecurity%22%20AND%20NOT%20%22smoketest-restricted%22%20AND%20NOT%20%22smoketest-privileged%22'))",
      range: { from: '2026-11-28T06:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: '"violates PodSecurity" AND NOT "smoketest-restricted" AND NOT "smoketest-privileged"',
    },
    {
      // DEFRA CDP portal test (buildDatabaseLogsLink): absolute times written without a zone,
      // read as UTC. Its `_q` filter list is shortened here.
      url:
        "https://logs.dev.cdp-int.defra.cloud/_dashboards/app/data-explorer/discover#?_a=(discover:(columns:!(message,version,service),isDirty:!t,sort:!()),metadata:(indexPattern:'4e3049b0-2697-11f0-a796-05acfef0cbab',view:discover))" +
        "&_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:'2025-03-26T16:38:28.000',to:'2025-03-26T16:42:21.000'))" +
        "&_q=(filters:!(('$state':(store:appState),meta:(alias:!n,disabled:!f,index:'4e3049b0-2697-11f0-a796-05acfef0cbab',key:build.id,negate:!f,params:(query:'arn:aws:codebuild:eu-west-2:333333333:build/x'),type:phrase),query:(match_phrase:(build.id:'arn:aws:codebuild:eu-west-2:333333333:build/x')))),query:(language:kuery,query:''))",
      range: { from: '2025-03-26T16:38:28.000Z', to: '2025-03-26T16:42:21.000Z', relative: false },
      query: 'build.id: arn:aws:codebuild:eu-west-2:333333333:build/x',
    },
    {
      // An OpenSearch Dashboards README (a local install): the Data Explorer on a plain host.
      url:
        "http://localhost:5601/app/data-explorer/discover#?_a=(discover:(columns:!(log_message,exception),isDirty:!f,sort:!()),metadata:(indexPattern:'561d8020-8140-11f1-af70-25ef55e31390',view:discover))" +
        "&_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:now-7d,to:now))&_q=(filters:!(),query:(language:kuery,query:''))",
      range: { from: '2026-11-21T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: undefined,
    },
    {
      // Constructed: the legacy Discover (Kibana's shape) on a host that names OpenSearch.
      url: "https://opensearch.example.com/app/discover#/?_g=(time:(from:now-1h,to:now))&_a=(query:(language:lucene,query:'status:500'))",
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'status:500',
    },
  ])('resolves $url', ({ url, range, query }) => {
    const found = expectRecognized(recognizeOpenSearch, url, { tool: 'opensearch', range, query }, { now: NOW, later: LATER });
    expect(found.frozenUrl).toContain(`time:(from:'${range.from}',to:'${range.to}')`);
  });

  it.each([
    // Plain Kibana: the same shape, no OpenSearch marks.
    'http://localhost:5601/app/discover#/?_g=(time:(from:now-15m,to:now))',
    'https://example.com/app/data-explorer/discover',
  ])('leaves %s to other recognizers', (url) => {
    expectNotRecognized(recognizeOpenSearch, url, NOW);
  });
});

import { describe, expect, it } from 'vitest';
import { recognizeCloudWatch } from '../../../src/capture/tools/cloudwatch.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');
const LAST_HOUR = { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true };

describe('recognizeCloudWatch', () => {
  it.each([
    {
      // A serverless JWT sample's deploy script: Logs Insights, RELATIVE last hour, two groups.
      url: "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~tz~'UTC~unit~'seconds~editorString~'fields*20*40timestamp*2c*20*40entity.Attributes.Lambda.Function*2c*20*40message*0a*7c*20sort*20*40timestamp*20desc*0a*7c*20limit*2010000~queryId~'5c3acc4f-6305-4bbf-a4b7-57f8ec7fc336~source~(~'*2faws*2flambda*2fjwt-api-gateway-jwt-authorizer~'*2faws*2flambda*2fjwt-api-gateway-backend)~lang~'CWLI~logClass~'STANDARD~queryBy~'logGroupName)",
      range: LAST_HOUR,
      query: 'fields @timestamp, @entity.Attributes.Lambda.Function, @message\n| sort @timestamp desc\n| limit 10000',
    },
    {
      // A Tampermonkey CloudWatch userscript's test URL: ABSOLUTE, tz LOCAL, ISO instants in Z.
      url: "https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:logs-insights$3FqueryDetail$3D~(end~'2021-11-27T04*3a59*3a59.000Z~start~'2021-11-26T05*3a00*3a00.000Z~timeType~'ABSOLUTE~tz~'LOCAL~editorString~'fields*20*40timestamp*2c*20*40message*0a*7c*20sort*20*40timestamp*20desc*0a*7c*20limit*2020*0a~queryId~'ead0409a1d8e7f70-d55cab82-4f2612a-1bb95f-e94a22a9d2582187f6f083d7~source~(~'*2faws*2flambda*2fHelloLambda1~'*2faws*2flambda*2fHelloLambda2))",
      range: { from: '2021-11-26T05:00:00.000Z', to: '2021-11-27T04:59:59.000Z', relative: false },
      query: 'fields @timestamp, @message\n| sort @timestamp desc\n| limit 20',
    },
    {
      // trade-tariff-backend spec: upper-case JSURL hex escapes (`*3A`), tz UTC.
      url: "https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2#logsV2:logs-insights$3FqueryDetail$3D~(end~'2026-09-21T10*3A30*3A00.000Z~start~'2026-09-21T10*3A00*3A00.000Z~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields*20*40timestamp*2c*20*40message~source~(~'platform-logs-production))",
      range: { from: '2026-09-21T10:00:00.000Z', to: '2026-09-21T10:30:00.000Z', relative: false },
      query: 'fields @timestamp, @message',
    },
    {
      // No-Backspace-Crew/Speedrun CWLInsights template (filled in): the JSURL escaped twice,
      // `~` as `$257E`. Two hours back.
      url: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D$257E$2528end$257E0$257Estart$257E-7200$257EtimeType$257E$2527RELATIVE$257Eunit$257E$2527seconds$257EeditorString$257E$2527filter*20requestId*3d*27abc-123*27*0a*7c*20order*20by*20*40timestamp*20asc$257EisLiveTail$257Efalse$257Esource$257E$2528$257E$2527*2faws*2flambda*2fmy-fn$2529$2529',
      range: { from: '2026-11-28T07:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: "filter requestId='abc-123'\n| order by @timestamp asc",
    },
    {
      // Constructed in the console's older `#logs-insights:queryDetail=` form.
      url: "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logs-insights:queryDetail=~(end~0~start~-900~timeType~'RELATIVE~unit~'seconds~editorString~'fields*20*40message~source~(~'app))",
      range: { from: '2026-11-28T08:55:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'fields @message',
    },
    {
      // An IoT dashboard's "Cloudwatch logs" link (device id filled in): log events, negative ms.
      url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Flog-test/log-events$3FfilterPattern$3DENGINE_42$26start$3D-3600000',
      range: LAST_HOUR,
      query: 'ENGINE_42',
    },
    {
      // An API's error payload (`awsFilter`): log events between epoch-ms instants, the filter
      // escaped twice (`$2522`) with a trailing `+`.
      url: 'https://sa-east-1.console.aws.amazon.com/cloudwatch/home?region=sa-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Faltu-fis-bradescard-dev-blacklist/log-events$3FfilterPattern$3D$2522a8216618-b84d-437d-99e3-c623f357d868$2522+$26start$3D1654177166000$26end$3D1654177766000',
      range: { from: '2022-06-02T13:39:26.000Z', to: '2022-06-02T13:49:26.000Z', relative: false },
      query: '"a8216618-b84d-437d-99e3-c623f357d868"',
    },
    {
      // A Python Slack bot's docstring: log events with a filter and no window.
      url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fcontainer-name/log-events$3FfilterPattern$3D$2522$255BINFO$255D$2522',
      query: '"[INFO]"',
    },
    {
      // A book-service README: metrics graph with math, `-PT1H` … `P0D`.
      url: "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=~(metrics~(~(~'AWS*2fLambda~'Errors~'FunctionName~'downloadBook~(id~'errors~color~'*23d13212))~(~'.~'Invocations~'.~'.~(id~'invocations))~(~(expression~'100*20-*20100*20*2a*20errors*20*2f*20MAX*28*5berrors*2c*20invocations*5d*29~label~'Success*20rate*20*28*25*29~id~'availability~yAxis~'right~region~'eu-west-1)))~period~10~region~'eu-west-1~title~'Error*20count*20and*20success*20rate*20*28*25*29~yAxis~(right~(max~100))~start~'-PT1H~end~'P0D~view~'timeSeries~stacked~false~stat~'Sum)",
      range: LAST_HOUR,
      query: 'AWS/Lambda Errors FunctionName=downloadBook',
    },
    {
      // A load-test script's metrics link (its metric rows filled in), `;namespace=` after the graph.
      url: "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:graph=~(view~'timeSeries~stacked~false~region~'us-east-1~metrics~(~(~'AWS*2fEC2~'CPUUtilization~'AutoScalingGroupName~'grinder-asg~(period~300)))~start~'-PT3H~end~'P0D);namespace=GRINDER;dimensions=Stack",
      range: { from: '2026-11-28T06:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'AWS/EC2 CPUUtilization AutoScalingGroupName=grinder-asg',
    },
    {
      // A metric-math-only graph (constructed on the book-service row): the expression is the query.
      url: "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:graph=~(metrics~(~(~(expression~'SUM*28METRICS*28*29*29~id~'e1)))~start~'2026-11-27T00*3a00*3a00Z~end~'2026-11-28T00*3a00*3a00Z)",
      range: { from: '2026-11-27T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z', relative: false },
      query: 'SUM(METRICS())',
    },
    {
      // Terraform outputs and READMEs: the metrics home with an empty graph.
      url: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:graph=~()',
    },
    {
      // A project's ops notes: dashboard link with a relative window.
      url: 'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#dashboards/dashboard/prod-mightybyte-lambda-dashboard?start=PT1H&end=null',
      range: LAST_HOUR,
    },
    {
      // Terraform output: the older `#dashboards:name=` form, no window.
      url: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=NOAA-Data-Ingestion-Flow-dev',
    },
    {
      // The older dashboard form with a window (constructed on the link above).
      url: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=NOAA-Data-Ingestion-Flow-dev;start=P7D',
      range: { from: '2026-11-21T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // An incident-response agent's alarm link.
      url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/demo-incident-response-error-rate',
    },
  ])('$url', ({ url, range, query }) => {
    expectRecognized(recognizeCloudWatch, url, { tool: 'cloudwatch', range, query, panel: undefined }, { now: NOW, later: LATER });
  });

  it('freezes Logs Insights as ABSOLUTE with JSURL-escaped ISO instants', () => {
    const result = recognizeCloudWatch(
      new URL(
        "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~unit~'seconds~editorString~'fields*20*40message~source~(~'*2faws*2flambda*2ffn))",
      ),
      NOW,
    );
    expect(result?.frozenUrl).toBe(
      "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~'2026-11-28T09*3a10*3a00.000Z~start~'2026-11-28T08*3a10*3a00.000Z~timeType~'ABSOLUTE~editorString~'fields*20*40message~source~(~'*2faws*2flambda*2ffn)~tz~'UTC)",
    );
  });

  it('freezes log events in the console’s `$` escapes', () => {
    const result = recognizeCloudWatch(
      new URL(
        'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Flog-test/log-events$3FfilterPattern$3D$2522ERROR$2522$26start$3D-3600000',
      ),
      NOW,
    );
    expect(result?.frozenUrl).toBe(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Flog-test/log-events$3FfilterPattern$3D$2522ERROR$2522$26start$3D1795853400000$26end$3D1795857000000',
    );
  });

  it('freezes a metrics graph and keeps the segments after it', () => {
    const result = recognizeCloudWatch(
      new URL(
        "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:graph=~(view~'timeSeries~start~'-PT3H~end~'P0D);namespace=GRINDER;dimensions=Stack",
      ),
      NOW,
    );
    expect(result?.frozenUrl).toBe(
      "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:graph=~(view~'timeSeries~start~'2026-11-28T06*3a10*3a00.000Z~end~'2026-11-28T09*3a10*3a00.000Z);namespace=GRINDER;dimensions=Stack",
    );
  });

  it.each([
    'https://console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
    'https://example.com/cloudwatch/home#logsV2:logs-insights',
    'https://us-east-1.console.aws.amazon.com.evil.example/cloudwatch/home#logsV2:logs-insights',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AnalyzingLogData.html',
  ])('is not CloudWatch: %s', (url) => {
    expectNotRecognized(recognizeCloudWatch, url, NOW);
  });

  it.each([
    "https://console.aws.amazon.com/cloudwatch/home#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~unit~'fortnights)",
    'https://console.aws.amazon.com/cloudwatch/home#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~',
    "https://console.aws.amazon.com/cloudwatch/home#logsV2:logs-insights$3FqueryDetail$3D~(end~'today~start~'yesterday~timeType~'ABSOLUTE)",
    "https://console.aws.amazon.com/cloudwatch/home#logsV2:logs-insights$3FqueryDetail$3D~(end~'2021-11-27T04*3a59*3a59~start~'2021-11-26T05*3a00*3a00~timeType~'ABSOLUTE~tz~'LOCAL)",
    "https://console.aws.amazon.com/cloudwatch/home#logsV2:logs-insights$3FqueryDetail$3D~(editorString~'bad*zz)",
    "https://console.aws.amazon.com/cloudwatch/home#metricsV2:graph=~(start~'-PT3X~end~'P0D)",
    'https://console.aws.amazon.com/cloudwatch/home#metricsV2:graph=~(start~oops)',
    'https://console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/x/log-events$3Fstart$3Dabc',
    'https://console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/x/log-events$3Fstart$3D-3600000$26end$3Dsoon',
    'https://console.aws.amazon.com/cloudwatch/home#dashboards/dashboard/x?start=PT1Z',
    'https://console.aws.amazon.com/cloudwatch/home#$ZZ%E0%A4%A~(((',
    `https://console.aws.amazon.com/cloudwatch/home#metricsV2:graph=${'~(a'.repeat(5000)}`,
  ])('keeps a broken view out of the range, without throwing: %s', (url) => {
    expectRecognizedWithoutRange(recognizeCloudWatch, url, 'cloudwatch', NOW);
  });
});

import { describe, expect, it } from 'vitest';
import { recognizeGcpLogging } from '../../../src/capture/tools/gcp-logging.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');

describe('recognizeGcpLogging', () => {
  it.each([
    {
      // DevOps-with-Kubernetes exercise notes: a Logs Explorer "share" link, 30 s back, with the
      // entry it was scrolled to.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%3D%22k8s_container%22%0Aresource.labels.project_id%3D%22dwk-gke-353608%22%0Aresource.labels.location%3D%22europe-north1-b%22%0Aresource.labels.cluster_name%3D%22dwk-cluster-2%22%0Aresource.labels.namespace_name%3D%22project-1%22%0Alabels.k8s-pod%2Fapp%3D%22todo-app%22;timeRange=PT30S;cursorTimestamp=2022-06-18T15:34:41.822997983Z?project=dwk-gke-353608',
      range: { from: '2026-11-28T09:09:30.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query:
        'resource.type="k8s_container"\nresource.labels.project_id="dwk-gke-353608"\nresource.labels.location="europe-north1-b"\nresource.labels.cluster_name="dwk-cluster-2"\nresource.labels.namespace_name="project-1"\nlabels.k8s-pod/app="todo-app"',
    },
    {
      // An incident write-up's evidence links: `timeRange=<start>%2F<end>`.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%3D%22k8s_container%22%0Aresource.labels.container_name%3D%22conversations-providers-deliver-twilio-worker%22%0Aseverity%3E%3DERROR;timeRange=2026-04-14T03%3A30%3A00Z%2F2026-04-14T04%3A15%3A00Z?project=highlevel-backend',
      range: { from: '2026-04-14T03:30:00.000Z', to: '2026-04-14T04:15:00.000Z', relative: false },
      query: 'resource.type="k8s_container"\nresource.labels.container_name="conversations-providers-deliver-twilio-worker"\nseverity>=ERROR',
    },
    {
      // google/xpk output ("Follow your worker 0, slice 0 logs here"): the older `duration`.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%3D%22k8s_container%22%0Aresource.labels.project_id%3D%22golden-project%22%0Aresource.labels.location%3D%22us-central1%22%0Aresource.labels.cluster_name%3D%22golden-cluster%22%0Aresource.labels.namespace_name%3D%22poc-ml-perf%22%0Aresource.labels.pod_name%3A%22golden-b0b9-slice-job-0-0-%22%0Aseverity%3E%3DDEFAULT;storageScope=project;duration=P1D?project=golden-project',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query:
        'resource.type="k8s_container"\nresource.labels.project_id="golden-project"\nresource.labels.location="us-central1"\nresource.labels.cluster_name="golden-cluster"\nresource.labels.namespace_name="poc-ml-perf"\nresource.labels.pod_name:"golden-b0b9-slice-job-0-0-"\nseverity>=DEFAULT',
    },
    {
      // An on-call cheat sheet ("Node failure"): `startTime`/`endTime`, parentheses escaped twice.
      url: 'https://console.cloud.google.com/logs/query;query=%2528resource.type%3D%22gce_instance%22%0Aresource.labels.instance_id%3D%228280945584517986727%22%0A%2529;cursorTimestamp=2024-03-20T16:37:56.195802Z;startTime=2024-03-18T16:05:55.290Z;endTime=2024-03-24T01:05:55.290Z?project=clover-prod-apps&authuser=0',
      range: { from: '2024-03-18T16:05:55.290Z', to: '2024-03-24T01:05:55.290Z', relative: false },
      query: '(resource.type="gce_instance"\nresource.labels.instance_id="8280945584517986727"\n)',
    },
    {
      // A Python docstring: `startTime` alone runs to now.
      url: 'https://console.cloud.google.com/logs/query;cursorTimestamp=2024-03-01T03:23:47.383520165Z;startTime=2024-02-29T01:55:00.000Z?project=samsara-415701',
      range: { from: '2024-02-29T01:55:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // A Firestore debug tab: raw quotes in the query and an empty trailing segment.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%3D"audited_resource"%0Aresource.labels.service%3D"firestore.googleapis.com";timeRange=PT1H;?project=aura-spring-cleaning',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'resource.type="audited_resource"\nresource.labels.service="firestore.googleapis.com"',
    },
    {
      // An OPA exfiltration rule's link (sprintf filled in with Go url.QueryEscape).
      url: 'https://console.cloud.google.com/logs/query;query=insertId%3D%22abc123%22%0Atimestamp%3D%222026-11-28T08%3A00%3A00Z%22;timeRange=PT1H;cursorTimestamp=2026-11-28T08:00:00Z?project=prod-project',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'insertId="abc123"\ntimestamp="2026-11-28T08:00:00Z"',
    },
    {
      // ISO-8601 `<start>/<duration>` interval (constructed on the link above).
      url: 'https://console.cloud.google.com/logs/query;query=insertId%3D%22abc123%22;timeRange=2026-11-28T08%3A00%3A00Z%2FPT30M?project=prod-project',
      range: { from: '2026-11-28T08:00:00.000Z', to: '2026-11-28T08:30:00.000Z', relative: false },
      query: 'insertId="abc123"',
    },
    {
      // ISO-8601 `<duration>/<end>` interval (constructed).
      url: 'https://console.cloud.google.com/logs/query;timeRange=PT2H%2F2026-11-28T08%3A00%3A00Z?project=prod-project',
      range: { from: '2026-11-28T06:00:00.000Z', to: '2026-11-28T08:00:00.000Z', relative: false },
    },
    {
      // A Gemini extension guide: query only, no window.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%3D%22firebase_ext%22',
      query: 'resource.type="firebase_ext"',
    },
    {
      // A service README: `summaryFields` escaped twice, kept untouched.
      url: 'https://console.cloud.google.com/logs/query;query=resource.type%20%3D%20%22cloud_run_job%22;summaryFields=labels%252F%2522run.googleapis.com%252Fexecution_name%2522,jsonPayload%252FBody:false:32:end?project=gatekeeper-prod-1c93',
      query: 'resource.type = "cloud_run_job"',
    },
  ])('$url', ({ url, range, query }) => {
    expectRecognized(recognizeGcpLogging, url, { tool: 'gcp-logging', range, query, panel: undefined }, { now: NOW, later: LATER });
  });

  it('replaces the window with timeRange=<start>%2F<end> and keeps the other segments', () => {
    const result = recognizeGcpLogging(
      new URL(
        'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;cursorTimestamp=2026-11-28T08:59:00Z;startTime=2026-11-28T08:00:00Z;endTime=2026-11-28T09:00:00Z;duration=PT1H?project=p',
      ),
      NOW,
    );
    expect(result?.frozenUrl).toBe(
      'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;cursorTimestamp=2026-11-28T08:59:00Z;timeRange=2026-11-28T08%3A00%3A00.000Z%2F2026-11-28T09%3A00%3A00.000Z?project=p',
    );
    const relative = recognizeGcpLogging(new URL('https://console.cloud.google.com/logs/query;query=x;timeRange=PT1H?project=p'), NOW);
    expect(relative?.frozenUrl).toBe(
      'https://console.cloud.google.com/logs/query;query=x;timeRange=2026-11-28T08%3A10%3A00.000Z%2F2026-11-28T09%3A10%3A00.000Z?project=p',
    );
  });

  it.each([
    'https://console.cloud.google.com/monitoring/dashboards?project=p',
    'https://console.cloud.google.com/logsdashboard?project=p',
    'https://example.com/logs/query;query=x;timeRange=PT1H',
    'https://cloud.google.com/logging/docs/view/logs-explorer-interface',
  ])('is not Cloud Logging: %s', (url) => {
    expectNotRecognized(recognizeGcpLogging, url, NOW);
  });

  it.each([
    'https://console.cloud.google.com/logs/query;timeRange=PT1X?project=p',
    'https://console.cloud.google.com/logs/query;timeRange=-PT1H?project=p',
    'https://console.cloud.google.com/logs/query;timeRange=2026-11-28T09:00:00Z%2Fsoon?project=p',
    'https://console.cloud.google.com/logs/query;timeRange=a%2Fb%2Fc?project=p',
    'https://console.cloud.google.com/logs/query;timeRange=2026-11-28T09:00:00Z%2F2026-11-28T08:00:00Z',
    'https://console.cloud.google.com/logs/query;startTime=yesterday;endTime=today',
    'https://console.cloud.google.com/logs/query;query=%E0%A4%A;timeRange=%?project=p',
  ])('keeps a broken window out of the range, without throwing: %s', (url) => {
    expectRecognizedWithoutRange(recognizeGcpLogging, url, 'gcp-logging', NOW);
  });
});

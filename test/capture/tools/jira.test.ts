import { describe, it } from 'vitest';
import { recognizeJira } from '../../../src/capture/tools/jira.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeJira', () => {
  it.each([
    {
      // A changelog's ticket link, with the `atlOrigin` Atlassian adds to shared links.
      url: 'https://whirlpoolgtm.atlassian.net/browse/SEOPOD-909?atlOrigin=eyJpIjoiNmI3YzJiOWZiYmRhNDhhZTg1ZjA1NTY2N2IyY2I2M2EiLCJwIjoiaiJ9',
      ref: { kind: 'ticket', id: 'SEOPOD-909' },
      frozenUrl: 'https://whirlpoolgtm.atlassian.net/browse/SEOPOD-909',
    },
    {
      // An audit report's ticket reference: the issue page on Jira Cloud.
      url: 'https://abangcebuai.atlassian.net/browse/SCRUM-105',
      ref: { kind: 'ticket', id: 'SCRUM-105' },
    },
    {
      // Cloud accepts a key in any case and writes it in capitals.
      url: 'https://abangcebuai.atlassian.net/browse/scrum-105',
      ref: { kind: 'ticket', id: 'SCRUM-105' },
    },
    {
      // A Jira Server under a sub-path, quoted in Alfresco's code.
      url: 'https://issues.alfresco.com/jira/browse/SEARCH-2033',
      ref: { kind: 'ticket', id: 'SEARCH-2033' },
    },
    {
      // Qt's public Jira, cited in a QML comment: a key with digits in the project.
      url: 'https://bugreports.qt-project.org/browse/QTBUG-31905',
      ref: { kind: 'ticket', id: 'QTBUG-31905' },
    },
    {
      // A code comment linking a service-desk request in its customer portal.
      url: 'https://codeplay.atlassian.net/servicedesk/customer/portal/1/CPPB-107',
      ref: { kind: 'ticket', id: 'CPPB-107' },
    },
    {
      // A self-hosted Jira Service Management portal (an exported ticket's `source`).
      url: 'https://eservice.airoha.com.tw/servicedesk/customer/portal/1038/MIUIX1565-89',
      ref: { kind: 'ticket', id: 'MIUIX1565-89' },
    },
    {
      // A link normalizer's examples: the agent's view of a request in a queue.
      url: 'https://firma.atlassian.net/jira/servicedesk/projects/ITPKB/queues/custom/33/ITPKB-1234',
      ref: { kind: 'ticket', id: 'ITPKB-1234' },
    },
    {
      // Atlassian's own code comment: a request in the issue view of a queue.
      url: 'https://product-fabric.atlassian.net/jira/servicedesk/projects/DTR/queues/issue/DTR-1675',
      ref: { kind: 'ticket', id: 'DTR-1675' },
    },
    {
      // The same normalizer: a board with an issue opened beside it.
      url: 'https://firma.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=ABC-7',
      ref: { kind: 'ticket', id: 'ABC-7' },
    },
    {
      // A Jira-key detector's test: a self-hosted issue search with one issue selected.
      url: 'https://jira.company.com/issues/?selectedIssue=PROJ-456',
      ref: { kind: 'ticket', id: 'PROJ-456' },
    },
    {
      // Constructed from Jira Server's project issue navigator (`/projects/<KEY>/issues/<KEY-n>`).
      url: 'https://jira.example.com/projects/ACME/issues/ACME-123?filter=allopenissues',
      ref: { kind: 'ticket', id: 'ACME-123' },
    },
    {
      // A README's board link (team-managed project), tracking removed: Jira, no one ticket.
      url: 'https://ubcformulaelectric.atlassian.net/jira/software/c/projects/FW/boards/7?atlOrigin=eyJpIjoiYTNlZWQzMjY5MjRlNDEyNmI2MTA4ZDkyMmNhZGZkMjkiLCJwIjoiaiJ9',
      frozenUrl: 'https://ubcformulaelectric.atlassian.net/jira/software/c/projects/FW/boards/7',
    },
    {
      // A support-tools list: a service-desk queue.
      url: 'https://arxiv-org.atlassian.net/jira/servicedesk/projects/AH/queues/custom/15',
    },
    {
      // A product's help-desk link: a customer portal on a self-hosted Jira.
      url: 'https://jira.analog.com/servicedesk/customer/portal/131',
    },
    {
      // Constructed: a classic board on Jira Server (`/secure/RapidBoard.jspa`) with an issue selected.
      url: 'https://jira.example.com/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-42',
      ref: { kind: 'ticket', id: 'OPS-42' },
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeJira, url, { tool: 'jira', ...expected });
  });

  it.each([
    // Confluence shares the Cloud host, under `/wiki/`.
    'https://mosip.atlassian.net/wiki/spaces/PROD/pages/1626964070/Scope',
    // Jira Service Management Operations: Opsgenie's alerts (opsgenie.ts).
    'https://boomii.atlassian.net/jira/ops/alerts',
    // A `/browse/` page elsewhere whose last segment is no key as Jira writes it.
    'https://npmjs.org/browse/keyword/karma-adapter',
    'https://shop.example.com/browse/shoes-12',
    'https://steamcommunity.com/workshop/browse/?appid=730',
    // A `selectedIssue` parameter outside Jira (Coverity Scan).
    'https://scan7.scan.coverity.com/#/project-view/52668/11354?selectedIssue=1637145',
    'https://example.com/reports?selectedIssue=ABC-1',
  ])('is not a Jira page: %s', (url) => {
    expectNotClaimed(recognizeJira, url);
  });
});

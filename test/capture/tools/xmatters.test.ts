import { describe, it } from 'vitest';
import { recognizeXMatters } from '../../../src/capture/tools/xmatters.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeXMatters', () => {
  it.each([
    {
      // A Raycast extension's menu item: a group's page on a company's instance.
      url: 'https://principalfinancial.xmatters.com/xmatters/ui/groups/b7cabe86-af8b-490a-8818-6c985f9d0d34/overview',
    },
    {
      // A dashboard's link to the instance's home (Place tokens of the web app).
      url: 'https://wm.xmatters.com/xmatters/ui/HomePagePlace:home',
    },
    {
      // Cypress tests against a test deployment: `<company>.<deployment>.xmatters.com`.
      url: 'https://flow-company.tst.xmatters.com/xmatters/signOn.do',
    },
    {
      // xMatters REST API documentation, "Get an event": GET /api/xm/1/events/{eventId}, by UUID
      // (the id is made up).
      url: 'https://acme.xmatters.com/api/xm/1/events/a7ab8012-0583-4e68-a17b-e0a1b1a2d9b8',
      ref: { kind: 'alert', id: 'a7ab8012-0583-4e68-a17b-e0a1b1a2d9b8' },
    },
    {
      // The same by a numeric id (made up), on a deployment host from a public Selenium script.
      url: 'https://test001.vortex.shared-dev.xmatters.com/api/xm/1/events/4402016?embed=properties',
      ref: { kind: 'alert', id: '4402016' },
    },
    {
      // xMatters REST API documentation, "Get event audit information": `eventId` names the event
      // (the id is made up).
      url: 'https://acme.xmatters.com/api/xm/1/audits?eventId=4402016&auditType=EVENT_ANNOTATED',
      ref: { kind: 'alert', id: '4402016' },
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeXMatters, url, { tool: 'xmatters', ...expected });
  });

  it.each([
    'https://www.xmatters.com/pricing',
    'https://help.xmatters.com/ondemand/userguide/receivingalerts/viewingviaxmatters.htm',
    'https://support.xmatters.com/hc/en-us/articles/115004327803',
    'https://xmatters.com/',
    'https://xmatters.example.com/api/xm/1/events/4402016',
  ])('is not an xMatters instance: %s', (url) => {
    expectNotClaimed(recognizeXMatters, url);
  });

  it('names no event where the id is not one', () => {
    expectRef(recognizeXMatters, 'https://acme.xmatters.com/api/xm/1/events/latest?eventId=x', { tool: 'xmatters' });
  });
});

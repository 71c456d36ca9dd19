import { describe, it } from 'vitest';
import { recognizeZendesk } from '../../../src/capture/tools/zendesk.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeZendesk', () => {
  it.each([
    {
      // GitLab's handbook: an example case in GitLab's own Zendesk (Agent Workspace route).
      url: 'https://gitlab.zendesk.com/agent/tickets/162478',
      ref: { kind: 'ticket', id: '162478' },
    },
    {
      // A Zendesk app's README: a ticket opened with the app-developer flag `?zat=true`.
      url: 'https://example.zendesk.com/agent/tickets/9?zat=true',
      ref: { kind: 'ticket', id: '9' },
    },
    {
      // Zendesk's help ("Direct access … https://yoursubdomain.zendesk.com/agent/#/tickets/37"): the
      // agent interface's fragment route.
      url: 'https://yoursubdomain.zendesk.com/agent/#/tickets/37',
      ref: { kind: 'ticket', id: '37' },
    },
    {
      // A changelog's link to a support ticket, older agent interface.
      url: 'https://aihrus.zendesk.com/agent/#/tickets/489',
      ref: { kind: 'ticket', id: '489' },
    },
    {
      // Constructed from the Agent Workspace's ticket tabs (`/agent/tickets/<id>/events`).
      url: 'https://acme.zendesk.com/agent/tickets/8812/events?utm_source=slack',
      ref: { kind: 'ticket', id: '8812' },
      frozenUrl: 'https://acme.zendesk.com/agent/tickets/8812/events',
    },
    {
      // Constructed: the classic interface's ticket page.
      url: 'https://acme.zendesk.com/tickets/8812',
      ref: { kind: 'ticket', id: '8812' },
    },
    {
      // A Terraform provider's note citing a vendor ticket: a Help Center on its own domain.
      url: 'https://support.sailpoint.com/hc/en-us/requests/82917',
      ref: { kind: 'ticket', id: '82917' },
    },
    {
      // Constructed: a Help Center request without a locale.
      url: 'https://acme.zendesk.com/hc/requests/8812',
      ref: { kind: 'ticket', id: '8812' },
    },
    {
      // The Agent Workspace's views: Zendesk, no one ticket.
      url: 'https://acme.zendesk.com/agent/filters/360001234567',
    },
    {
      // A support link to open a new request: Zendesk's form, no ticket yet.
      url: 'https://support.adyen.com/hc/en-us/requests/new',
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeZendesk, url, { tool: 'zendesk', ...expected });
  });

  it.each([
    'https://www.zendesk.com/pricing/',
    'https://support.zendesk.com/hc/en-us/articles/4408882086298',
    'https://acme.zendesk.com/tickets/new',
    'https://example.com/help/hc/en-us/requests/82917',
    'https://zendesk.example.com/agent/tickets/9',
  ])('is not a Zendesk ticket page: %s', (url) => {
    expectNotClaimed(recognizeZendesk, url);
  });
});

import { describe, it } from 'vitest';
import { recognizeIntercom } from '../../../src/capture/tools/intercom.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeIntercom', () => {
  it.each([
    {
      // A bug report's "Intercom URL": the Inbox's route for one conversation.
      url: 'https://app.intercom.com/a/inbox/_/inbox/conversation/215474154263922',
      ref: { kind: 'ticket', id: '215474154263922' },
    },
    {
      // A support report's link template, with a shared view in between.
      url: 'https://app.intercom.com/a/inbox/rbag1a9i/inbox/shared/all/conversation/215470000000777',
      ref: { kind: 'ticket', id: '215470000000777' },
    },
    {
      // A conversation-id extractor's example: EU region, one reply in the fragment (kept).
      url: 'https://app.eu.intercom.com/a/inbox/grcvqyws/inbox/shared/all/conversation/4137#part_id=comment-4137-23555',
      ref: { kind: 'ticket', id: '4137' },
    },
    {
      // The same extractor's comment on the older Inbox route.
      url: 'https://app.intercom.com/a/apps/mya415ow/inbox/inbox/all/conversations/26964863021',
      ref: { kind: 'ticket', id: '26964863021' },
    },
    {
      // A reporting script on the `.io` host the app used before.
      url: 'https://app.intercom.io/a/apps/qq7v0gqb/inbox/inbox/all/conversations/26964863021',
      ref: { kind: 'ticket', id: '26964863021' },
    },
    {
      // A client's deep link: `/a/apps/<workspace>/conversations/<id>`.
      url: 'https://app.intercom.com/a/apps/wkspc/conversations/123',
      ref: { kind: 'ticket', id: '123' },
    },
    {
      // Intercom's docs link to link branding settings, Australian region: the app, no conversation.
      url: 'https://app.au.intercom.com/a/apps/_/settings/email-custom-assets-domains',
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeIntercom, url, { tool: 'intercom', ...expected });
  });

  it.each([
    'https://www.intercom.com/pricing',
    'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/retrieveconversation',
    'https://app.intercom.com.evil.example/a/apps/v9jrtlg9/conversations/77',
    'https://evil.example/a/apps/v9jrtlg9/conversations/77',
    'https://app.intercom.com/admins/sign_in',
  ])('is not an Intercom Inbox page: %s', (url) => {
    expectNotClaimed(recognizeIntercom, url);
  });
});

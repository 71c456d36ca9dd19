import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError, parseStatusFeed } from '../../src/feed/parse';

const cloudflare = readFileSync(new URL('../fixtures/feeds/statuspage-summary-cloudflare.json', import.meta.url), 'utf8');
const CHECK_SRC =
  ' — check the src URL points at a status feed: Statuspage v2 summary.json or status.json, cState index.json, Upptime history/summary.json or Instatus summary.json';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function feedError(input: unknown): FeedError {
  try {
    parseStatusFeed(input);
  } catch (e) {
    if (e instanceof FeedError) return e;
    throw e;
  }
  throw new Error('parseStatusFeed accepted the input');
}

describe('parseStatusFeed refuses what it cannot use, saying what to fix', () => {
  it.each<[string, unknown, RegExp]>([
    // Not JSON at all
    [
      'an HTML error page',
      '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>',
      new RegExp(`^Feed is not JSON: it starts with '<!DOCTYPE html>'${escape(CHECK_SRC)}$`),
    ],
    [
      'an HTML page without a doctype',
      '  <html lang="en"><head><meta charset="utf-8"><title>Status</title>',
      /^Feed is not JSON: it starts with '<html lang="en"><head><meta c…' — check the src URL/,
    ],
    ['a login wall in plain text', 'Unauthorized', /^Feed is not JSON: it starts with 'Unauthorized' — check the src URL/],
    [
      'the Atom history instead of the JSON',
      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      new RegExp(`^Feed is XML \\(Atom/RSS\\), not JSON${escape(CHECK_SRC)}$`),
    ],
    ['an RSS feed', '<rss version="2.0"><channel>', /^Feed is XML \(Atom\/RSS\), not JSON — check the src URL/],
    ['an empty body', '', /^Feed is empty — check the src URL points at a status feed/],
    ['a body of whitespace and a byte-order mark', '\uFEFF \n\t ', /^Feed is empty — /],
    // Broken JSON
    [
      'summary.json cut in half',
      cloudflare.slice(0, cloudflare.length / 2),
      /^Feed JSON stops after \d+ characters, before the document ends: the response was cut off$/,
    ],
    ['summary.json cut inside a string', '{"page":{"name":"Cloudfl', /^Feed JSON stops after 24 characters, before the document ends/],
    ['summary.json cut after a key', '{"page":', /^Feed JSON stops after 8 characters, before the document ends/],
    ['JSON with a doubled comma', '{"page": {"name": "x",, "id": 1}}', /^Feed JSON is malformed: \w.+/],
    ['JSON with single quotes', "{'page': {}}", /^Feed JSON is malformed: \w/],
    ['two documents run together', '{"status":{"indicator":"none"}}{"status":{}}', /^Feed JSON is malformed: \w/],
    ['a closing bracket too many', '{"status":{"indicator":"none"}}}', /^Feed JSON is malformed: \w/],
    ['a trailing comma and a cut', '{"status":{"indicator":"none",', /^Feed JSON stops after 30 characters/],
    ['a cut right after a backslash', '{"status":{"indicator":"no\\', /^Feed JSON stops after 27 characters/],
    // JSON, but not a document
    ['null', null, new RegExp(`^Feed is null, not a status document${escape(CHECK_SRC)}$`)],
    ['null as text', 'null', /^Feed is null, not a status document — check the src URL/],
    ['undefined', undefined, /^Feed is missing, not a status document/],
    ['a number', 42, /^Feed is 42, not a status document/],
    ['a number as text', '404', /^Feed is 404, not a status document/],
    ['a boolean', true, /^Feed is true, not a status document/],
    ['a JSON string', '"All Systems Operational"', /^Feed is "All Systems Operational", not a status document/],
    ['an empty array', [], new RegExp(`^Feed is an empty list, not a status document${escape(CHECK_SRC)}$`)],
    ['an empty array as text', '[]', /^Feed is an empty list, not a status document/],
    [
      'an array of junk',
      [1, 'up', null, [], { status: 'sideways' }],
      /^Feed is a list of 5 items without an Upptime site, not a status document — check the src URL/,
    ],
    ['an empty object', {}, /^Feed is an empty object, not a status document — check the src URL/],
    [
      "Slack's own status API",
      { status: 'ok', date_created: '2026-09-12T04:04:17-07:00', active_incidents: [] },
      /^Feed is an object with keys "status", "date_created", "active_incidents", not a status document — /,
    ],
    [
      'many unknown keys',
      Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`key${i}`, i])),
      /with keys "key0", "key1", "key2", "key3", "key4", "key5", "key6", "key7", "key8", "key9", …, not a status document/,
    ],
    ['a key a megabyte long', { ['k'.repeat(1_000_000)]: 1 }, /with keys "k{39}…", not a status document/],
    [
      "Statuspage's error body",
      { code: 404, message: 'Resource not found' },
      /^Feed is an error response: "Resource not found" — check the src URL and that the status page is public$/,
    ],
    ["Instatus's error body", { error: { code: 'forbidden', message: 'Not authorized' } }, /^Feed is an error response: "Not authorized"/],
    // The right shape with the wrong types
    ['page and status as strings', { page: 'Cloudflare', status: 'minor' }, /^Feed is an object with keys "page", "status", not a status document/],
    [
      'an indicator that is a number, nothing to derive from',
      { page: { name: 'Acme' }, status: { indicator: 42 } },
      /^Feed has no usable status: status\.indicator is 42, and it lists no components or incidents to derive one from$/,
    ],
    ['an unknown indicator word', { status: { indicator: 'purple' }, components: 'lots' }, /^Feed has no usable status: status\.indicator is "purple"/],
    ['an indicator a megabyte long', { status: { indicator: 'x'.repeat(1_000_000) } }, /^Feed has no usable status: status\.indicator is "x{39}…", and/],
    ['a status object without an indicator', { page: { name: 'Acme' }, status: {}, components: [] }, /status\.indicator is missing/],
    [
      'components that are all junk',
      { status: { indicator: null }, components: [null, 1, 'api', { name: 'API', status: 'sideways' }] },
      /status\.indicator is null/,
    ],
    [
      'cState without a summary or systems',
      { is: 'index', cStateVersion: '6.0', summaryStatus: '<no value>', systems: [] },
      /^Feed has no usable status: summaryStatus is "<no value>"/,
    ],
    ['Instatus with an unknown page status', { page: { name: 'Acme', status: 'SIDEWAYS' } }, /^Feed has no usable status: page\.status is "SIDEWAYS"/],
    ['Upptime entries without a known status', [{ name: 'Site', slug: 'site', status: 'UNKNOWN' }], /^Feed is a list of 1 item without an Upptime site/],
  ])('%s', (_label, input, message) => {
    const error = feedError(input);
    expect(error.name).toBe('FeedError');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(600);
  });

  it('never echoes a huge response back in the message', () => {
    const html = `<html>${'<div>x</div>'.repeat(100_000)}`;
    expect(feedError(html).message.length).toBeLessThan(300);
    const broken = `{"page": ${'['.repeat(10)}"${'x'.repeat(1_000_000)}" }`;
    expect(feedError(broken).message.length).toBeLessThan(300);
  });
});

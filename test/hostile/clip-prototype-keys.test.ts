// Page text and URL text are data, never property names: `constructor`, `__proto__` and the
// other names every plain object inherits must not be found in (or written into) a lookup table.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyPageFacts } from '../../src/capture/apply-page-facts';
import { extractKibanaPage } from '../../src/capture/extract-page';
import { kibanaRangeFromPage } from '../../src/capture/page-facts';
import { replaceQueryParams } from '../../src/capture/query-string';
import { recognize } from '../../src/capture/recognize';
import { clipTab } from '../../src/clipper/clip-tab';
import { readSelection } from '../../src/clipper/page-scripts';
import { declareIncident, listEntries } from '../../src/db';
import { activeIncidentIdItem } from '../../src/db/storage-items';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const HASHED_KIBANA = 'https://ops.example.com/kibana/app/discover#/?_g=h@44136fa&_a=h@2e3a1b';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("Kibana's time picker text", () => {
  it.each(INHERITED.flatMap((name) => [name, name.toUpperCase(), ` ${name} `]))('"%s" is no range, and no crash', (label) => {
    expect(kibanaRangeFromPage({ prettyRange: label }, NOW)).toBeUndefined();
    expect(kibanaRangeFromPage({ prettyRange: label, start: label, end: label, sharedDuration: `${label} to ${label}`, timeZone: label }, NOW)).toBeUndefined();
  });

  it('still reads the named ranges it knows', () => {
    expect(kibanaRangeFromPage({ prettyRange: 'Today' }, NOW)).toEqual({ from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T23:59:59.999Z', relative: true });
  });

  it.each(INHERITED)('a hashed Kibana page whose picker says "%s" is clipped, without a range', async (label) => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV3' }, { author: '', now: NOW });
    await activeIncidentIdItem.setValue(incident.id);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ func }: { func: unknown }) => [
      {
        frameId: 0,
        result:
          func === readSelection
            ? { selection: '', title: 'Discover - Elastic' }
            : func === extractKibanaPage
              ? { prettyRange: label, title: label }
              : undefined,
      },
    ]) as never);

    const result = await clipTab(db, { tab: { id: 7, windowId: 1, url: HASHED_KIBANA, title: 'Discover' } }, NOW);

    expect(result).toMatchObject({ status: 'added' });
    const clip = (await listEntries(db, incident.id)).find((e) => e.kind === 'clip')!;
    expect(clip.clip).toMatchObject({ tool: 'kibana' });
    expect(clip.clip?.range).toBeUndefined();
  });

  it('applyPageFacts never throws for picker text', () => {
    for (const label of INHERITED) {
      expect(() => applyPageFacts(recognize(HASHED_KIBANA, NOW), { prettyRange: label }, NOW)).not.toThrow();
    }
  });
});

describe('URL parameters named like inherited properties', () => {
  it('survive freezing: only the time parameters change', () => {
    const url = 'https://ops.example.com/grafana/d/pay-01/p?constructor=a&toString=b&__proto__=c&valueOf=d&from=now-1h&to=now';
    expect(recognize(url, NOW).frozenUrl).toBe(
      'https://ops.example.com/grafana/d/pay-01/p?constructor=a&toString=b&__proto__=c&valueOf=d&from=1795853400000&to=1795857000000',
    );
  });

  it.each(INHERITED)('replaceQueryParams keeps a "%s" parameter it was not asked to change', (name) => {
    expect(replaceQueryParams(`${name}=1&from=2`, { from: '3' })).toBe(`${name}=1&from=3`);
  });
});

describe('state objects decoded from a URL', () => {
  it('rison `__prototype__` (rison-node calls its encode_rison) does not cost the Kibana recognition', () => {
    const url = 'https://ops.example.com/kibana/app/discover#/?_g=(__prototype__:(encode_rison:!t),time:(from:now-1h,to:now))';
    const found = recognize(url, NOW);
    expect(found.tool).toBe('kibana');
    expect(found.range).toEqual({ from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true });
  });

  it('rison `__proto__` is not a prototype: an inherited time is not the view’s time', () => {
    const found = recognize('https://ops.example.com/kibana/app/discover#/?_g=(__proto__:(time:(from:now-1h,to:now)))', NOW);
    expect(found.tool).toBe('kibana');
    expect(found.range).toBeUndefined();
  });

  it('JSURL `__proto__` is not a prototype (CloudWatch Logs Insights)', () => {
    const url =
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D~(__proto__~(end~0~start~-3600~timeType~'RELATIVE~unit~'seconds))";
    expect(recognize(url, NOW).range).toBeUndefined();
  });

  it('a JSURL bare word that names an inherited property is a syntax error, not a value', () => {
    const url =
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~unit~'seconds~x~constructor)";
    const found = recognize(url, NOW);
    // Freezing rewrote the value it did not understand (`x~constructor` → `x~()`); unreadable state is left as written.
    expect(found.frozenUrl).toBe(url);
    expect(found.range).toBeUndefined();
  });

  it.each(['constructor', '__proto__', 'toString'])('a CloudWatch unit of "%s" is no unit', (unit) => {
    const url = `https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~unit~'${unit})`;
    expect(recognize(url, NOW).range).toBeUndefined();
  });
});

describe('Grafana at the edge of what a Date holds', () => {
  it('time=8640000000000000 is still a Grafana view (no range), not a recognizer crash', () => {
    const found = recognize('https://ops.example.com/grafana/d/pay-01/p?time=8640000000000000&time.window=1h', NOW);
    expect(found.tool).toBe('grafana');
    expect(found.range).toBeUndefined();
  });
});

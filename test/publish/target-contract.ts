import { describe, expect, it } from 'vitest';
import { buildSite, type SiteFile, type SiteInput } from '../../src/feed/build';
import { parseStatusFeed } from '../../src/feed/parse';
import { publishSite, STATE_PATH } from '../../src/publish/publish-site';
import { PublishError, type Target } from '../../src/publish/target';
import { PROBE_PATH, testConnection } from '../../src/publish/test-connection';

/** What a target's test gives the contract: the target, and how readers see the site. */
export interface ContractSubject {
  target: Target;
  /** The site's URL as readers reach it (the links in the feeds start here). */
  siteUrl: string;
  /** Whether the target refuses a stale write (If-Match, or a batch on an old version). */
  conditional: boolean;
  /** Whether readers get each file's own Cache-Control (object stores) or the server's (the host picks by path). */
  keepsCacheControl: boolean;
  /** What a reader's GET of a path returns (body and headers), where the test can look. */
  readPublic?(path: string): Promise<{ body: string; contentType: string | null; cacheControl: string | null } | undefined>;
  close(): Promise<void>;
}

const NOW = new Date('2026-11-28T09:30:00.000Z');

function input(url: string, bodies: string[]): SiteInput {
  return {
    page: { id: 'sitrep', name: 'Acme status', url, timeZone: 'Etc/UTC' },
    components: [{ id: 'api', name: 'API', description: '', order: 0, status: 'major_outage', updatedAt: '2026-11-28T09:05:00.000Z' }],
    incidents: [
      {
        id: 'inc-1',
        name: 'Payments failing',
        impact: 'major',
        status: 'identified',
        startedAt: '2026-11-28T09:00:00.000Z',
        updates: bodies.map((body, i) => ({
          id: `inc-1-u${i}`,
          status: i ? 'identified' : 'investigating',
          body,
          at: `2026-11-28T09:0${5 + i}:00.000Z`,
          components: i ? [] : [{ id: 'api', name: 'API', from: 'operational', to: 'major_outage' }],
        })),
      },
    ],
    maintenances: [],
    historyDays: 90,
    now: NOW,
  };
}

const bundle: SiteFile = {
  path: 'sitrep-banner.js',
  body: 'export const banner = "ü ✓";\n',
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: 'public, max-age=300',
};

/**
 * The contract every publish target keeps, run against a real server of its kind: write a site
 * and read it back byte for byte, overwrite it, refuse a stale write, pass the connection test
 * and leave no probe behind.
 */
export function describeTargetContract(name: string, setUp: () => Promise<ContractSubject>) {
  describe(`${name}: the publish target contract`, () => {
    async function withSubject(run: (s: ContractSubject) => Promise<void>) {
      const subject = await setUp();
      try {
        await run(subject);
      } finally {
        await subject.close();
      }
    }

    it('writes a whole site and reads every file back byte for byte', () =>
      withSubject(async ({ target, siteUrl, readPublic, keepsCacheControl }) => {
        const files = [...buildSite(input(siteUrl, ['We are looking into failed payments.'])).files, bundle];
        await publishSite({ target, build: () => files });
        for (const file of files) expect({ path: file.path, body: (await target.read(file.path))?.body }).toEqual({ path: file.path, body: file.body });
        if (readPublic) {
          const summary = await readPublic('api/v2/summary.json');
          expect(summary?.contentType).toMatch(/^application\/json/);
          if (keepsCacheControl) expect(summary?.cacheControl).toBe(files.find((f) => f.path === 'api/v2/summary.json')!.cacheControl);
          expect(parseStatusFeed(summary!.body).incidents.map((i) => i.name)).toEqual(['Payments failing']);
          expect((await readPublic('sitrep-banner.js'))?.body).toBe(bundle.body);
        }
      }));

    it('overwrites the site with the next publish, merging what it already holds', () =>
      withSubject(async ({ target, siteUrl }) => {
        const last = await publishSite({ target, build: (previous) => buildSite(input(siteUrl, ['Looking into it.']), previous).files });
        await publishSite({
          target,
          build: (previous) => buildSite(input(siteUrl, ['Looking into it.', 'A bad deploy; rolling back.']), previous).files,
          last,
        });
        const summary = parseStatusFeed((await target.read('api/v2/summary.json'))!.body);
        expect(summary.incidents[0]?.latest?.body).toBe('A bad deploy; rolling back.');
      }));

    it('refuses a write based on a version someone else has replaced, where the target can tell', () =>
      withSubject(async ({ target, siteUrl, conditional }) => {
        const files = buildSite(input(siteUrl, ['Looking into it.'])).files;
        await publishSite({ target, build: () => files });
        const stale = (await target.read(STATE_PATH))!;
        await publishSite({ target, build: (previous) => buildSite(input(siteUrl, ['Looking.', 'Identified.']), previous).files });
        const state = files.find((f) => f.path === STATE_PATH)!;
        const write = target.writeBatch ? target.writeBatch([state], stale.etag) : target.write(state, { ifMatch: stale.etag! });
        if (conditional) await expect(write).rejects.toSatisfy((e) => e instanceof PublishError && e.kind === 'conflict');
        else await write;
      }));

    it('passes the connection test and leaves no probe behind', () =>
      withSubject(async ({ target }) => {
        await testConnection(target, NOW);
        expect(await target.read(PROBE_PATH)).toBeUndefined();
      }));
  });
}

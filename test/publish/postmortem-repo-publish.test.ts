import { afterEach, describe, expect, it } from 'vitest';
import { GitHubTarget } from '../../src/model';
import { parseIndex, publishPostmortemToGitHub, renderIndex } from '../../src/publish/postmortem-repo-publish';
import { PublishError } from '../../src/publish/target';
import { buildPostmortemMarkdown } from '../../src/report/postmortem-markdown';
import { makePostmortem, overnight, overnightEntries } from '../report/postmortem-fixtures';
import { makeIncident, uuid } from '../report/records';
import { recorded, shaped, startFakeGitHub, type FakeGitHub } from './github-recorded';

const TOKEN = 'github_pat_11ABCDEFG0aBcDeFgHiJkLmN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS';
const NOW = new Date('2026-11-29T09:00:00.000Z');

let fake: FakeGitHub | undefined;
afterEach(async () => {
  if (!fake) return;
  await fake.close();
  expect(fake.violations).toEqual([]);
  fake = undefined;
});

async function start(options: { private?: boolean; branches?: Record<string, Record<string, string>> } = {}) {
  fake = await startFakeGitHub({ token: TOKEN, owner: 'acme', repo: 'incidents', ...(options.branches && { branches: options.branches }) });
  const visible = options.private ?? true;
  const answerVisibility = () => {
    const r = recorded('get-a-repository', 'found');
    fake!.intercept({ method: 'GET', path: /^$/ }, () => {
      answerVisibility();
      return { ...r, body: shaped(r.body, { name: 'incidents', full_name: 'acme/incidents', private: visible }) };
    });
  };
  answerVisibility();
  // The status site's folder: post-mortems go to the repository's root all the same.
  const config = GitHubTarget.parse({
    kind: 'github',
    id: 'team',
    apiUrl: fake.apiUrl,
    owner: 'acme',
    repo: 'incidents',
    branch: 'main',
    directory: 'docs/',
    publicUrl: 'https://acme.github.io/incidents',
  });
  return { fake, config };
}

const postmortem = makePostmortem({ status: 'final', updatedAt: '2026-11-29T08:00:00.000Z' });
const markdown = buildPostmortemMarkdown({ incident: overnight, postmortem, entries: overnightEntries(), actionItems: [], now: NOW });

describe('publishPostmortemToGitHub', () => {
  it('writes postmortems/<KEY>.md and the index in the repository root, one commit each', async () => {
    const { fake, config } = await start();
    const result = await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem, markdown });
    expect(result.path).toBe('postmortems/INC-1.md');
    expect(result.commit).toBe(fake.head());
    const files = fake.files();
    expect(files.get('postmortems/INC-1.md')).toBe(`<!-- sitrep-incident: ${overnight.id} -->\n\n${markdown}`);
    expect([...files.keys()].filter((p) => p.startsWith('docs/'))).toEqual([]);
    const index = files.get('postmortems/README.md')!;
    expect(index).toContain('| [INC-1](INC-1.md) | Checkout errors after deploy | 2026-11-28 22:50 | Final | 2026-11-29 |');
    expect(
      fake
        .history()
        .slice(0, 2)
        .map((c) => c.changed),
    ).toEqual([['postmortems/README.md'], ['postmortems/INC-1.md']]);
    expect(fake.history()[1]!.message).toBe('Publish postmortems/INC-1.md');
  });

  it('keeps the rows others wrote in the index, and republishing updates its own row', async () => {
    const { fake, config } = await start();
    const colleague = makeIncident({ id: uuid(2), key: 'INC-7', title: 'DNS -- outage -->', startedAt: '2026-10-01T10:00:00.000Z' });
    await publishPostmortemToGitHub(config, TOKEN, { incident: colleague, postmortem: makePostmortem({ incidentId: uuid(2) }), markdown: '# theirs\n' });
    await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem: makePostmortem({ status: 'in-review' }), markdown });
    await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem, markdown });
    const index = fake.files().get('postmortems/README.md')!;
    expect(parseIndex(index).map((r) => [r.key, r.status, r.title])).toEqual([
      ['INC-1', 'final', 'Checkout errors after deploy'],
      ['INC-7', 'draft', 'DNS -- outage -->'],
    ]);
    // The data comment is not ended early by a title's `-->`.
    expect(index.match(/-->/g)).toHaveLength(1);
    expect(index.indexOf('[INC-1]')).toBeLessThan(index.indexOf('[INC-7]'));
  });

  it('keeps a colleague’s commit that lands between the read and the write', async () => {
    const { fake, config } = await start({ branches: { main: { 'postmortems/README.md': renderIndex([]) } } });
    fake.intercept({ method: 'POST', path: /^\/git\/trees$/ }, () => {
      fake.commitAs(
        {
          'postmortems/README.md': renderIndex([
            {
              key: 'INC-9',
              incidentId: uuid(9),
              title: 'Theirs',
              status: 'draft',
              startedAt: '2026-11-01T00:00:00.000Z',
              updatedAt: '2026-11-01T00:00:00.000Z',
            },
          ]),
        },
        'Their publish',
      );
    });
    await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem, markdown });
    expect(parseIndex(fake.files().get('postmortems/README.md')!).map((r) => r.key)).toEqual(['INC-1', 'INC-9']);
    expect(fake.files().get('postmortems/INC-1.md')).toContain(markdown);
  });

  it('never overwrites another incident’s post-mortem of the same key', async () => {
    const other = `<!-- sitrep-incident: ${uuid(3)} -->\n\n# Someone else's INC-1\n`;
    const { fake, config } = await start({ branches: { main: { 'postmortems/INC-1.md': other } } });
    const error = await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem, markdown }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe(
      "postmortems/INC-1.md in the repository is another incident's post-mortem (same key, another log): nothing was written",
    );
    expect(fake.files().get('postmortems/INC-1.md')).toBe(other);
  });

  it('refuses a public repository before writing anything', async () => {
    const { fake, config } = await start({ private: false });
    const before = fake.head();
    const error = await publishPostmortemToGitHub(config, TOKEN, { incident: overnight, postmortem, markdown }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe('acme/incidents is not private: an internal post-mortem goes only to a private team repository');
    expect(fake.head()).toBe(before);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('says a refused token in words, without the token', async () => {
    const { config } = await start();
    const error = await publishPostmortemToGitHub(config, 'github_pat_wrong', { incident: overnight, postmortem, markdown }).catch((e: unknown) => e);
    expect((error as PublishError).kind).toBe('auth');
    expect((error as PublishError).message).not.toContain('github_pat');
  });
});

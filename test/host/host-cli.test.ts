import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHostSettings } from '../../widget/host/host-settings';
import { startupMessage } from '../../widget/host/startup-message';
import { tempDataDir } from './host-fixture';

const root = resolve(import.meta.dirname, '../..');

describe('parseHostSettings', () => {
  it.each<[string, string[], Record<string, string>, { port: number; host: string; dataDir: string; demo: boolean }]>([
    ['defaults', [], {}, { port: 8787, host: '127.0.0.1', dataDir: '/repo/.sitrep-host', demo: false }],
    ['the environment', [], { PORT: '9000', HOST: '::1', SITREP_DATA_DIR: '/var/sitrep' }, { port: 9000, host: '::1', dataDir: '/var/sitrep', demo: false }],
    [
      'flags over the environment',
      ['--port', '0', '--host', '0.0.0.0', '--data-dir', 'data', '--demo'],
      { PORT: '9000' },
      { port: 0, host: '0.0.0.0', dataDir: resolve('data'), demo: true },
    ],
    [
      'empty variables as unset',
      [],
      { PORT: '', HOST: '', SITREP_DATA_DIR: '' },
      { port: 8787, host: '127.0.0.1', dataDir: '/repo/.sitrep-host', demo: false },
    ],
  ])('%s', (_label, argv, env, settings) => {
    if (env.PORT === '') delete env.PORT;
    expect(parseHostSettings(argv, env, '/repo')).toEqual(settings);
  });

  it.each([[['--port', 'http']], [['--port', '70000']], [['--port', '-1']], [['--bogus']], [['extra']]])('refuses %j', (argv) => {
    expect(() => parseHostSettings(argv, {}, '/repo')).toThrow();
  });
});

describe('startupMessage', () => {
  const facts = { url: 'http://127.0.0.1:8787/', siteDir: '/d/site', tokenPath: '/d/publish-token', demo: true };

  it('names the page, the embed snippet, the demo and the token on first start', () => {
    const text = startupMessage({ ...facts, newToken: 'T0KEN' });
    expect(text).toContain('Status page:   http://127.0.0.1:8787/');
    expect(text).toContain('<script type="module" src="http://127.0.0.1:8787/sitrep-banner.js"></script>');
    expect(text).toContain('<sitrep-banner src="http://127.0.0.1:8787/api/v2/summary.json"></sitrep-banner>');
    expect(text).toContain('Widget demo:   http://127.0.0.1:8787/demo/');
    expect(text).toContain('    T0KEN\n');
    expect(text).toContain('/d/publish-token');
  });

  it('afterwards says only where the token is', () => {
    const text = startupMessage(facts);
    expect(text).toContain('Publish token: in /d/publish-token');
    expect(text).not.toMatch(/shown this once/);
  });
});

describe('the host command', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  afterEach(() => data?.remove());

  /** Runs widget/host/cli.ts until it has printed its start message, then stops it with SIGTERM. */
  async function run(...args: string[]) {
    const child = spawn(join(root, 'node_modules/.bin/vite-node'), [join(root, 'widget/host/cli.ts'), '--', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout! })) {
      lines.push(line);
      if (line.startsWith('Ctrl+C')) break;
    }
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    return { text: lines.join('\n'), code: await exited };
  }

  it('prints the token on the first start only, and stops cleanly', async () => {
    data = await tempDataDir();
    const first = await run('--port', '0', '--data-dir', data.dir);
    const token = (await readFile(join(data.dir, 'publish-token'), 'utf8')).trim();
    expect(first.text).toContain(token);
    expect(first.code).toBe(0);
    const second = await run('--port', '0', '--data-dir', data.dir);
    expect(second.text).not.toContain(token);
    expect(second.text).toContain(`Publish token: in ${join(data.dir, 'publish-token')}`);
  }, 30_000);
});

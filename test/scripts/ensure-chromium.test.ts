import { describe, expect, it } from 'vitest';
import { findChromium, missingPackages } from '../../scripts/ensure-chromium.mjs';

const machine = (executables: string[]) => (path: string) => executables.includes(path);

describe('findChromium', () => {
  it.each([
    {
      name: 'CHROMIUM_PATH wins over an installed browser',
      env: { CHROMIUM_PATH: '/opt/chrome-canary/chrome' },
      installed: ['/opt/chrome-canary/chrome', '/usr/bin/chromium'],
      expected: { path: '/opt/chrome-canary/chrome', from: 'CHROMIUM_PATH' },
    },
    {
      name: "Debian's chromium before Google Chrome",
      env: {},
      installed: ['/usr/bin/google-chrome', '/usr/bin/chromium'],
      expected: { path: '/usr/bin/chromium', from: 'installed' },
    },
    {
      name: 'Google Chrome when there is no Chromium',
      env: {},
      installed: ['/opt/google/chrome/chrome'],
      expected: { path: '/opt/google/chrome/chrome', from: 'installed' },
    },
    {
      name: 'a browser on PATH (Homebrew, /usr/local)',
      env: { PATH: '/home/me/bin:/usr/local/bin' },
      installed: ['/usr/local/bin/google-chrome-stable'],
      expected: { path: '/usr/local/bin/google-chrome-stable', from: 'PATH' },
    },
    {
      name: 'an empty CHROMIUM_PATH counts as unset',
      env: { CHROMIUM_PATH: '' },
      installed: ['/usr/bin/chromium-browser'],
      expected: { path: '/usr/bin/chromium-browser', from: 'installed' },
    },
  ])('$name', ({ env, installed, expected }) => {
    expect(findChromium({ env, isExecutable: machine(installed) })).toEqual(expected);
  });

  it('reports a CHROMIUM_PATH that is missing, without falling back to another browser', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: '/nope/chrome' }, isExecutable: machine(['/usr/bin/chromium']) });
    expect(found.path).toBeUndefined();
    expect(found).toEqual({ error: expect.stringContaining('CHROMIUM_PATH is /nope/chrome, which is not an executable file') });
  });

  it('finds nothing on a bare machine', () => {
    expect(findChromium({ env: { PATH: '/usr/bin:/bin' }, isExecutable: machine(['/usr/bin/node']) })).toEqual({
      error: 'No Chromium or Chrome found.',
    });
  });
});

describe('missingPackages', () => {
  it.each([
    { name: 'a bare machine', hasChromium: false, tools: [], expected: ['chromium*', 'openssl*', 'nginx-light', 'unzip'] },
    { name: 'Chrome, but no Debian tools', hasChromium: true, tools: [], expected: ['openssl*', 'nginx-light', 'unzip'] },
    { name: 'everything', hasChromium: true, tools: ['openssl', 'unzip', '/usr/sbin/nginx'], expected: [] },
  ])('$name', ({ hasChromium, tools, expected }) => {
    const has = machine(tools);
    const missing = missingPackages({ hasChromium, isExecutable: has, onPath: has });
    expect(missing.map((p) => `${p.name}${p.required ? '*' : ''}`)).toEqual(expected);
  });
});

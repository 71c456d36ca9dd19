import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Whether `--profile` (or BENCH_PROFILE=1) asked for a profile of every row that misses its bound. */
export const PROFILE_WANTED = process.argv.includes('--profile') || process.env.BENCH_PROFILE === '1';

/**
 * Runs `work` under the V8 sampling profiler of `page` (or of a worker's CDP session) and returns
 * the functions with the most self time, as `12.3 ms  functionName  file:line`: where the time goes.
 */
export async function profileTopSelfTime(target: Page | CDPSession, work: () => Promise<unknown>, top = 12): Promise<string[]> {
  const session = 'send' in target ? target : await target.context().newCDPSession(target);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const failed = await work().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  if (failed) throw failed.error;
  return topSelfTime(profile, top);
}

export function topSelfTime(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byModule = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^https?:\/\/[^/]+\//, '') : '';
    const key = `${functionName || '(anonymous)'}  ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    const module = file || functionName;
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
  });
  const rank = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    ...rank(self, top).map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`),
    `by file: ${rank(byModule, 6)
      .map(([file, ms]) => `${file} ${ms.toFixed(0)} ms`)
      .join(', ')}`,
  ];
}

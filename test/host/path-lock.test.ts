import { describe, expect, it } from 'vitest';
import { createPathLock } from '../../widget/host/path-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createPathLock', () => {
  it('runs the tasks of one key one at a time, in order, even when one fails', async () => {
    const lock = createPathLock();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([lock('a', task('1')), lock('a', task('2', true)), lock('a', task('3'))]);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs tasks of different keys side by side', async () => {
    const lock = createPathLock();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([lock('a', task('a')), lock('b', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['a start', 'b start']);
  });
});

import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/feed/parse';
import { groupComponents } from '../../widget/src/sitrep-status/group-components';

type Component = StatusSnapshot['components'][number];
const c = (name: string, group?: string): Component => ({ id: name, name, status: 'operational', ...(group && { group }) });

describe('groupComponents', () => {
  it.each([
    [[], []],
    [[c('API')], [[undefined, ['API']]]],
    [
      [c('API', 'Core'), c('Web'), c('DB', 'Data'), c('Auth', 'Core')],
      [
        [undefined, ['Web']],
        ['Core', ['API', 'Auth']],
        ['Data', ['DB']],
      ],
    ],
  ])('%j → %j', (components, expected) => {
    expect(groupComponents(components).map(([group, members]) => [group, members.map((m) => m.name)])).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { COMPONENT_DEFAULTS, type Component, type ComponentStatus, type StatusUpdate } from '../../src/model';
import { affectedBy, componentsToPost, errorSentence, proposeResolved } from '../../src/ui/components/status-composer/composer-model';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const component = (n: number, status: ComponentStatus = 'operational'): Component => ({
  ...COMPONENT_DEFAULTS,
  id: id(n),
  name: `C${n}`,
  owner: '',
  dashboardPatterns: [],
  status,
  updatedAt: '2026-11-28T09:00:00.000Z',
});
const update = (changes: [number, ComponentStatus, ComponentStatus][]): StatusUpdate => ({
  id: crypto.randomUUID(),
  incidentId: id(9),
  status: 'investigating',
  body: 'x',
  components: changes.map(([n, from, to]) => ({ componentId: id(n), name: `C${n}`, from, to })),
  at: '2026-11-28T09:00:00.000Z',
  author: '',
  updatedAt: '2026-11-28T09:00:00.000Z',
});

describe('affectedBy', () => {
  it('is the components an update of this incident changed, not those it only listed', () => {
    const updates = [
      update([[1, 'operational', 'major_outage']]),
      update([
        [1, 'major_outage', 'major_outage'],
        [2, 'operational', 'operational'],
      ]),
      update([[3, 'partial_outage', 'degraded_performance']]),
    ];
    expect([...affectedBy(updates)]).toEqual([id(1), id(3)]);
  });
});

describe('componentsToPost', () => {
  const components = [component(1, 'major_outage'), component(2), component(3, 'degraded_performance')];
  it.each<[string, Record<string, ComponentStatus>, string[], [number, ComponentStatus][]]>([
    ['nothing chosen, nothing affected', {}, [], []],
    ['a changed status', { [id(2)]: 'partial_outage' }, [], [[2, 'partial_outage']]],
    ['a status chosen back to what it is', { [id(2)]: 'operational' }, [], []],
    ['an affected component, unchanged, still listed', {}, [id(1)], [[1, 'major_outage']]],
    [
      'both, in page order',
      { [id(3)]: 'operational' },
      [id(1)],
      [
        [1, 'major_outage'],
        [3, 'operational'],
      ],
    ],
  ])('%s', (_label, chosen, affected, expected) => {
    expect(componentsToPost(components, chosen, new Set(affected))).toEqual(expected.map(([n, status]) => ({ componentId: id(n), status })));
  });
});

describe('proposeResolved', () => {
  it('proposes operational for what the incident changed and what is being changed now, leaving others', () => {
    const components = [component(1, 'major_outage'), component(2), component(3, 'degraded_performance'), component(4, 'partial_outage')];
    expect(proposeResolved(components, { [id(2)]: 'partial_outage', [id(4)]: 'partial_outage' }, new Set([id(1)]))).toEqual({
      [id(1)]: 'operational',
      [id(2)]: 'operational',
      [id(4)]: 'partial_outage',
    });
  });
});

describe('errorSentence', () => {
  it.each<[string, unknown, string]>([
    ['an Error', new Error('Write a public title first.'), 'Write a public title first.'],
    ['a ZodError, in the schema’s own words', z.string().min(1, 'A status update needs a message').safeParse('').error, 'A status update needs a message'],
    ['anything else', 'quota', 'quota'],
  ])('%s', (_label, error, expected) => {
    expect(errorSentence(error)).toBe(expected);
  });
});

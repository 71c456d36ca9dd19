// @vitest-environment happy-dom
// Titles, panel names, authors, entry text and component names come from pages, colleagues'
// backups and typing: each is shown isolated (its direction controls cannot reorder what is
// around it), never with an override that makes letters read backwards, and in full on hover;
// a link shows the host it really goes to.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clip, Component, HeldClip, Incident, TimelineEntry } from '../../src/model';
import { HeldClips } from '../../src/ui/components/held-clips';
import { IncidentCard } from '../../src/ui/components/incident-card';
import { EntryRow } from '../../src/ui/components/timeline/entry-row';
import { AppContext } from '../../src/ui/state/context';
import type { HeldClipsState } from '../../src/ui/state/held-clips-state';
import { makeComponent, makeEntry, makeIncident, uuid } from '../report/records';

const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';
/** The explicit embeddings and overrides: they make "‮gnp.exe" read "exe.png". */
const OVERRIDES = /[\u202A-\u202E]/;
const LONG = 'x'.repeat(2000);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Elements whose own text contains `needle`. */
function holding(needle: string): Element[] {
  const found: Element[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(needle)) found.push(node.parentElement!);
  }
  return found;
}

/** Each needle is shown, only inside a <bdi> of its own (no other needle shares it). */
function expectIsolated(needles: string[]) {
  for (const needle of needles) {
    const places = holding(needle);
    expect(places, `"${needle}" is shown`).not.toHaveLength(0);
    for (const place of places) {
      const bdi = place.closest('bdi');
      expect(bdi, `"${needle}" sits in a <bdi>`).not.toBeNull();
      for (const other of needles.filter((n) => n !== needle && !n.includes(needle) && !needle.includes(n))) {
        expect(bdi!.textContent, `"${needle}" and "${other}" are isolated apart`).not.toContain(other);
      }
    }
  }
  expect(root.textContent).not.toMatch(OVERRIDES);
}

/** Every title, aria-label, alt and <option> is plain text: no overrides, wrapped in FSI…PDI. */
function expectPlainTextIsolated() {
  const attributes = [...root.querySelectorAll('[title], [aria-label], [alt]')].flatMap((e) =>
    ['title', 'aria-label', 'alt'].map((name) => e.getAttribute(name)).filter((v): v is string => v !== null),
  );
  for (const text of [...attributes, ...[...root.querySelectorAll('option')].map((o) => o.textContent ?? '')]) {
    expect(text).not.toMatch(OVERRIDES);
  }
}

function clip(overrides: Partial<Clip> = {}): Clip {
  return { tool: 'grafana', pageUrl: 'https://grafana.example.com/d/x', pageTitle: 'page', componentIds: [], ...overrides };
}

function row(entry: TimelineEntry, components: Component[] = []) {
  return (
    <EntryRow
      entry={entry}
      timeDisplay="utc"
      highlighted={false}
      components={new Map(components.map((c) => [c.id, c]))}
      onEdit={() => {}}
      onStar={() => {}}
      onDelete={() => {}}
      onCopyLink={() => {}}
    />
  );
}

describe('a timeline entry', () => {
  it('isolates the author, the text, every clip field and component names, each apart', async () => {
    const component = makeComponent({ name: `${RLO}lanretni-ipa`, owner: `${RLO}maet-yap` });
    const entry = makeEntry({
      kind: 'clip',
      author: `${RLO}ecila`,
      text: `Attachment ${RLO}gnp.exe`,
      clip: clip({
        panelTitle: `${RLO}lenap-5xx`,
        dashboardTitle: `${RLO}draobhsad-yap`,
        query: `${RLO}yreuq`,
        notice: `${RLO}eciton`,
        componentIds: [component.id],
      }),
    });
    await act(() => render(row(entry, [component]), root));
    expectIsolated(['ecila', 'gnp.exe', 'lenap-5xx', 'draobhsad-yap', 'yreuq', 'eciton', 'lanretni-ipa', 'maet-yap']);
    expectPlainTextIsolated();
  });

  it('isolates the panel named in the URL and the page title when the page said nothing else', async () => {
    await act(() => render(row(makeEntry({ kind: 'clip', clip: clip({ panel: `${RLO}4`, pageTitle: `${RLO}ananafrag - Grafana` }) })), root));
    expectIsolated(['ananafrag', '4']);
  });

  it('gives the full author and text on hover, as plain isolated text', async () => {
    await act(() => render(row(makeEntry({ author: `${RLO}${LONG}`, text: LONG })), root));
    const author = root.querySelector('.entry__author')!;
    expect(author.getAttribute('title')).toBe(`${FSI}${LONG}${PDI}`);
  });

  it.each([
    ['http://127.0.0.1\\@good.example.com/', '127.0.0.1', '/@good.example.com/'],
    ['http://good.example.com@127.0.0.1/x', '127.0.0.1', '/x'],
    ['https://аpple.com/login', 'xn--pple-43d.com', '/login'],
    ['https://grafana.example.com/d/abc?from=1&to=2', 'grafana.example.com', '/d/abc?from=1&to=2'],
  ])('a link to %s shows its real host, %s', async (sourceUrl, host, rest) => {
    await act(() => render(row(makeEntry({ text: 'see', sourceUrl })), root));
    const link = root.querySelector<HTMLAnchorElement>('a.entry__source')!;
    expect(link.getAttribute('href')).toBe(sourceUrl);
    expect(link.querySelector('.entry__source-host')?.textContent).toBe(host);
    expect(link.textContent).toBe(`${host}${rest}`);
    expect(link.textContent).not.toMatch(/^(https?:\/\/)?good\.example\.com/);
    expect(link.getAttribute('title')).toContain(host);
  });
});

describe('the incident card', () => {
  it('isolates the title and gives it in full on hover', async () => {
    const incident: Incident = makeIncident({ title: `${RLO}gnp.exe ${LONG}` });
    await act(() => render(<IncidentCard incident={incident} />, root));
    expectIsolated(['gnp.exe']);
    expect(root.querySelector('[data-testid="incident-title"]')!.getAttribute('title')).toBe(`${FSI}gnp.exe ${LONG}${PDI}`);
  });
});

describe('held clips', () => {
  it('isolates the clip text and notice, and the incident titles in the picker', async () => {
    const held: HeldClip = {
      id: uuid(900),
      takenAt: '2026-11-28T09:10:00.000Z',
      author: `${RLO}ana`,
      draft: { text: `${RLO}gnp.exe`, clip: { ...clip({ notice: `${RLO}eciton` }) } },
    };
    const incidents = [makeIncident({ title: `${RLO}stnemyap` }), makeIncident({ id: uuid(2), key: 'INC-2', title: 'Logins' })];
    const state = { held: signal([held]), error: signal(undefined), place: async () => {}, declareFrom: async () => undefined, discard: async () => {} };
    const log = { activeId: signal(incidents[0]!.id), settings: signal({ timeDisplay: 'utc' }), switchTo: async () => {} };
    await act(() =>
      render(
        <AppContext.Provider value={{ db: undefined as never, log: log as never }}>
          <HeldClips state={state as unknown as HeldClipsState} incidents={incidents} />
        </AppContext.Provider>,
        root,
      ),
    );
    expectIsolated(['gnp.exe', 'eciton']);
    const options = [...root.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual([`INC-1 — ${FSI}stnemyap${PDI}`, `INC-2 — ${FSI}Logins${PDI}`]);
    expectPlainTextIsolated();
  });
});

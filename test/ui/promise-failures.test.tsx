// @vitest-environment happy-dom
// Work nobody awaits (a search, the page's start-up, a storage read) fails in words or in one log
// line, never as an unhandled rejection (which vitest reports as an error of the run) and never
// as a spinner that spins forever.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addEntry, declareIncident, type SitrepDb } from '../../src/db';
import { settingsItem } from '../../src/db/storage-items';
import { DEFAULT_SETTINGS } from '../../src/model';
import { OpenTimelineButton } from '../../src/ui/components/open-timeline-button';
import { SearchBox } from '../../src/ui/components/search-box';
import { SearchResults } from '../../src/ui/components/search-results';
import { usePersistentStorage } from '../../src/ui/hooks/use-persistent-storage';
import { createLogState } from '../../src/ui/state/log-state';
import { createSearchState, type SearchState } from '../../src/ui/state/search-state';
import { click, disposeAfter, freshDb, key, mount, root, settle, type } from './render';

let db: SitrepDb;

beforeEach(() => {
  db = freshDb();
});

describe('search', () => {
  async function mountSearch(): Promise<SearchState> {
    const search = disposeAfter(createSearchState(db, 0));
    await mount(
      <>
        <SearchBox search={search} />
        <SearchResults search={search} incidents={[]} timeDisplay="utc" onOpen={() => {}} />
      </>,
    );
    return search;
  }

  it('says a failed search failed, and stops saying “Searching…”', async () => {
    const search = await mountSearch();
    // The connection goes (the browser is shutting down, or another tab deletes the database).
    db.close({ disableAutoOpen: true });
    await type('search-input', 'checkout');

    await settle(() => expect(root.querySelector('[data-testid="search-error"]')?.textContent).toMatch(/^Search failed: .*Database has been closed/));
    expect(search.searching.value).toBe(false);
    expect(root.textContent).not.toContain('Searching…');
  });

  it('forgets the failure with the next query, and finds what is there', async () => {
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana' });
    await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Checkout 500s from eu-west', author: 'Ana' });
    await mountSearch();
    db.close({ disableAutoOpen: true });
    await type('search-input', 'checkout');
    await settle(() => expect(root.querySelector('[data-testid="search-error"]')).not.toBeNull());

    await db.open();
    await type('search-input', 'checkout 500');
    await settle(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('1 match in all incidents'));
    expect(root.querySelector('[data-testid="search-error"]')).toBeNull();

    // Escape clears the box and the results.
    await key('search-input', { key: 'Escape' });
    await settle(() => expect(root.querySelector('.search-results')).toBeNull());
  });
});

describe('start-up', () => {
  it('opens the timeline in the current window when the popup could not learn which one it is, and logs why once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockRejectedValue(new Error('No current window'));
    const open = vi.fn(async (_target: { windowId?: number }) => {});
    const close = vi.fn();
    await mount(<OpenTimelineButton open={open} close={close} />);
    await settle(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0]![0]).toBe('Sitrep: could not read the current window.');

    await click('Open timeline');
    await settle(() => expect(close).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith({ windowId: undefined });
  });

  it('says so, and keeps the popup open, when the timeline cannot be opened', async () => {
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 3 } as never);
    const open = vi.fn(async () => {
      throw new Error('No tab could be created');
    });
    const close = vi.fn();
    await mount(<OpenTimelineButton open={open} close={close} />);
    await settle(() => expect(open).not.toHaveBeenCalled());
    await click('Open timeline');

    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Could not open the timeline: No tab could be created'));
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    expect(close).not.toHaveBeenCalled();
  });

  it('logs a refused request for persistent storage once, as the page opens', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const request = vi.fn(() => Promise.reject(new Error('SecurityError: not allowed')));
    function Page() {
      usePersistentStorage(request);
      return <p>page</p>;
    }
    await mount(<Page />);
    await settle(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0]![0]).toBe('Sitrep: could not ask for persistent storage.');
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('starts with the default settings when they cannot be read, logging it, and the log is still ready', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, author: 'Ana' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(settingsItem, 'getValue').mockRejectedValue(new Error('storage is gone'));
    const log = disposeAfter(createLogState(db));
    await log.ready;
    expect(log.settings.value.author).toBe(DEFAULT_SETTINGS.author);
    expect(warn).toHaveBeenCalledWith(`Sitrep: could not read ${settingsItem.key}; using the default.`, expect.any(Error));
  });

  it('says a refused switch of incident in the log’s error, without rejecting', async () => {
    const log = disposeAfter(createLogState(db));
    await log.ready;
    const { activeIncidentIdItem } = await import('../../src/db/storage-items');
    vi.spyOn(activeIncidentIdItem, 'setValue').mockRejectedValue(new Error('QuotaExceededError'));
    await expect(log.switchTo('some-id')).resolves.toBeUndefined();
    expect(log.lastError.value).toBe('QuotaExceededError');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/feed/parse';
import type { FeedState } from '../../widget/src/feed-client/feed-registry';
import { SitrepBanner } from '../../widget/src/sitrep-banner/sitrep-banner.component';

/** The banner fed by hand: no `src`, so nothing is fetched. */
class FedBanner extends SitrepBanner {
  show(state: FeedState) {
    this.feed = state;
    this.requestUpdate();
  }
}
customElements.define('fed-banner', FedBanner);

const settle = () => new Promise<void>((resolve) => setTimeout(resolve));
const AT = '2026-11-28T09:10:00.000Z';

function snapshot(overrides: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    format: 'statuspage',
    page: { name: 'Example' },
    indicator: 'none',
    description: 'All Systems Operational',
    components: [],
    incidents: [],
    maintenances: [],
    ...overrides,
  };
}

const incident = (impact: string) => ({ id: `inc-${impact}`, name: 'Checkout errors', status: 'investigating', impact, updatedAt: AT, startedAt: AT });

async function mounted(): Promise<FedBanner> {
  const banner = document.createElement('fed-banner') as FedBanner;
  document.body.append(banner);
  await settle();
  return banner;
}

const liveRegion = (banner: FedBanner) => banner.shadowRoot!.querySelector('[aria-live]');

describe('<sitrep-banner> live region', () => {
  it.each([
    ['before the feed arrives', undefined],
    ['while all is operational', snapshot()],
  ])('is in the page, empty, %s', async (_when, state) => {
    const banner = await mounted();
    if (state) banner.show({ snapshot: state });
    await settle();
    const region = liveRegion(banner);
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent?.trim()).toBe('');
    expect(banner.shadowRoot!.querySelector('[part=base]')).toBeNull();
    banner.remove();
  });

  it.each([
    ['minor', 'polite', 'status'],
    ['critical', 'assertive', 'alert'],
  ])('announces the first %s incident through the region that was already there', async (impact, live, role) => {
    const banner = await mounted();
    banner.show({ snapshot: snapshot() });
    await settle();
    const region = liveRegion(banner);

    banner.show({ snapshot: snapshot({ indicator: impact as StatusSnapshot['indicator'], incidents: [incident(impact)] }) });
    await settle();
    // The same element, now holding the banner: a screen reader hears the change.
    expect(liveRegion(banner)).toBe(region);
    expect(region?.getAttribute('aria-live')).toBe(live);
    expect(region?.querySelector('[part=base]')?.getAttribute('role')).toBe(role);
    expect(region?.querySelector('[part=name]')?.textContent).toBe('Checkout errors');

    // Resolved: the banner goes, the region stays for the next one.
    banner.show({ snapshot: snapshot() });
    await settle();
    expect(liveRegion(banner)).toBe(region);
    expect(region?.textContent?.trim()).toBe('');
    banner.remove();
  });
});

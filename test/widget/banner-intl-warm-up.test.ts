// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SitrepBanner } from '../../widget/src/sitrep-banner/sitrep-banner.component';
import { fakeFetch, summaryJson } from './fakes';

customElements.define('warm-banner', class extends SitrepBanner {});

const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  localStorage.clear();
});

/**
 * A page's first Intl formatter costs 15–20 ms in a fresh renderer; the banner makes it while its
 * feed request is out, so that cost and the wait overlap instead of adding up before the banner
 * paints (bench row "widget: script tag → banner painted").
 */
describe('<sitrep-banner> Intl warm-up', () => {
  it('makes the page locale’s formatter after sending the feed request and before the answer, then renders with that one', async () => {
    let answer!: (response: Response) => void;
    const events: string[] = [];
    const { fetch } = fakeFetch(() => {
      events.push('request sent');
      return new Promise<Response>((resolve) => (answer = resolve));
    });
    vi.stubGlobal('fetch', fetch);
    const Original = Intl.RelativeTimeFormat;
    vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(function (this: unknown, ...args: ConstructorParameters<typeof Original>) {
      events.push(`formatter for ${String(args[0])}`);
      return new Original(...args);
    } as never);

    const page = Object.assign(document.createElement('div'), { lang: 'pt-BR' });
    page.innerHTML = '<warm-banner src="https://status.example.com/api/v2/summary.json"></warm-banner>';
    document.body.append(page);
    expect(events).toEqual(['request sent', 'formatter for pt-BR']);

    answer(new Response(summaryJson({ indicator: 'minor', incidents: [{ id: 'i', name: 'Slow dashboard', impact: 'minor', at: new Date().toISOString() }] })));
    await settle();
    const banner = page.querySelector('warm-banner')!;
    expect(banner.shadowRoot!.querySelector('[part=name]')?.textContent).toBe('Slow dashboard');
    expect(banner.shadowRoot!.querySelector('[part=time]')?.textContent).toBe('agora');
    expect(events).toEqual(['request sent', 'formatter for pt-BR']); // none made again to render
  });

  it('makes none without a feed to show', async () => {
    const made = vi.spyOn(Intl, 'RelativeTimeFormat');
    document.body.append(document.createElement('warm-banner'));
    await settle();
    expect(made).not.toHaveBeenCalled();
  });
});

import { describe, expect, it } from 'vitest';
import { useWidgetBrowser } from './browser';
import { sampleFeed } from './widget-server';

const t = useWidgetBrowser();

interface Frame {
  text: string;
  time?: string | undefined;
  title?: string | undefined;
}

/**
 * The banner's content sits in an aria-live region, so whatever a visitor first sees is what a
 * screen reader announces: the first frame that shows the incident must already hold all of its
 * text (the relative time included), and that text must not change afterwards, or it would be
 * announced twice. Recorded at every animation frame from the first script on, in a fresh context.
 */
describe('<sitrep-banner> first painted frame', () => {
  it('holds the whole text, the relative time and its exact-time tooltip, and nothing changes after it', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    const page = await t.newPage();
    await page.addInitScript(() => {
      const frames: Frame[] = [];
      Object.defineProperty(window, '__frames', { value: frames });
      const frame = () => {
        const root = document.querySelector('sitrep-banner')?.shadowRoot;
        const region = root?.querySelector('[aria-live]');
        const time = root?.querySelector('[part=time]');
        if (root?.querySelector('[part=name]')) {
          frames.push({
            text: region?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
            time: time?.textContent,
            title: time?.getAttribute('title') ?? undefined,
          });
        }
        if (frames.length < 30) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(
      t.server.page('/minor.html', '<script type="module" src="/sitrep-banner.js"></script><sitrep-banner src="/feeds/minor.json"></sitrep-banner>'),
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames.length), { timeout: 10_000 }).toBe(30);
    const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);

    const [first] = frames;
    expect(first?.text).toContain('Slow dashboard loading');
    expect(first?.time).toMatch(/ago$|^now$/);
    expect(first?.text).toContain(first?.time);
    expect(first?.title).toMatch(/\d{4}, \d{1,2}:\d\d:\d\d/); // "Jan 1, 2026, 11:58:00 AM UTC": date, time and zone
    expect(frames.filter((f) => f.text !== first?.text)).toEqual([]);
    expect(t.errors).toEqual([]);
  });
});

import type { BrowserContext, Page } from 'playwright-core';

/**
 * Clicks Sitrep's toolbar button over `page`, as a person would (CDP Extensions.triggerAction).
 * That click is the user gesture that grants activeTab for the page, so Sitrep may read it.
 */
export async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  } finally {
    await session.detach();
  }
}

import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { clickToolbarButton } from '../toolbar';

/**
 * The popup Chrome opens when the toolbar button is clicked. Playwright does not list it as a
 * page, so it is driven over CDP: attached through the browser session, clicked with real mouse
 * events, as a person clicks "Clip this page".
 */
export class ToolbarPopup {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
    private readonly targetId: string,
  ) {
    session.on(
      'Target.receivedMessageFromTarget' as never,
      ((event: { sessionId: string; message: string }) => {
        if (event.sessionId !== this.sessionId) return;
        const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
        if (reply.id !== undefined) this.pending.delete(reply.id);
      }) as never,
    );
  }

  /** Clicks the toolbar button over `page` and attaches to the popup that opens. */
  static async open(context: BrowserContext, extensionId: string, page: Page): Promise<ToolbarPopup> {
    await clickToolbarButton(context, extensionId, page);
    const session = await context.browser()!.newBrowserCDPSession();
    let targetId: string | undefined;
    for (let tries = 0; tries < 100 && !targetId; tries++) {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
      targetId = targetInfos.find((t) => t.url === `chrome-extension://${extensionId}/popup.html`)?.targetId;
      if (!targetId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!targetId) throw new Error('The toolbar button opened no popup');
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    return new ToolbarPopup(session, sessionId, targetId);
  }

  private send(method: string, params: object = {}): Promise<unknown> {
    const id = ++this.nextId;
    const reply = new Promise<unknown>((resolve, reject) =>
      this.pending.set(id, (r) => (r.error ? reject(new Error(`${method}: ${r.error.message}`)) : resolve(r.result))),
    );
    void this.session.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never);
    return reply;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (result.exceptionDetails) throw new Error(`Popup script failed: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value;
  }

  /** A real mouse click in the middle of the first button whose text is `label`. */
  async clickButton(label: string) {
    const box = await this.poll(() =>
      this.evaluate<{ x: number; y: number } | null>(`(() => {
        const b = [...document.querySelectorAll('button')].find((e) => e.textContent.trim() === ${JSON.stringify(label)} && !e.disabled);
        if (!b) return null;
        const r = b.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })()`),
    );
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  /** The popup's status line after a clip ("Clipped to INC-1. …"). */
  clipResult(): Promise<string> {
    return this.poll(() => this.evaluate<string | null>(`document.querySelector('[data-testid="clip-result"]')?.textContent.trim() || null`));
  }

  private async poll<T>(read: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== null) return value;
      if (Date.now() > end) throw new Error('Timed out waiting in the popup');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Closes the popup, as a click elsewhere does, so the next toolbar click opens a fresh one. */
  async close() {
    await this.session.send('Target.closeTarget', { targetId: this.targetId }).catch(() => {});
    await this.session.detach();
  }
}

/** Clicks the toolbar button over `page`, then "Clip this page" in the popup; what the popup says. */
export async function clipThroughToolbar(context: BrowserContext, extensionId: string, page: Page): Promise<string> {
  const toolbar = await ToolbarPopup.open(context, extensionId, page);
  try {
    await toolbar.clickButton('Clip this page');
    return await toolbar.clipResult();
  } finally {
    await toolbar.close();
  }
}

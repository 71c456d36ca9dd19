import { browser } from 'wxt/browser';
import type { HeldScreenshot } from '../model';

const FULL_WIDTH = 1920;
const THUMB_WIDTH = 320;

/**
 * Captures the visible tab and stores it compressed: WebP at most 1920 px wide, plus a 320 px
 * thumbnail for the timeline. Runs in the service worker (OffscreenCanvas, createImageBitmap).
 */
export async function captureVisibleTab(windowId: number): Promise<HeldScreenshot> {
  const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  try {
    const image = await encode(bitmap, FULL_WIDTH, 0.82);
    const thumbnail = await encode(bitmap, THUMB_WIDTH, 0.7);
    return { image: image.blob, thumbnail: thumbnail.blob, width: image.width, height: image.height };
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, maxWidth: number, quality: number) {
  const scale = Math.min(1, maxWidth / bitmap.width);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
  // Browsers without a WebP encoder hand back PNG; JPEG is far smaller for screenshots.
  return { width, height, blob: blob.type === 'image/webp' ? blob : await canvas.convertToBlob({ type: 'image/jpeg', quality }) };
}

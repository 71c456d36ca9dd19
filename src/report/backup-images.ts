import type { HeldClip, HeldScreenshot, Screenshot } from '../model';
import { BackupError, ImageType, type BackupHeldClip, type BackupHeldScreenshot, type BackupScreenshot } from './backup';
import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * Pictures in and out of the backup file. IndexedDB keeps them as Blobs; JSON cannot, so a
 * backup writes each one as its type plus its bytes in base64. Encoding reads the Blob (async);
 * decoding is synchronous, so the import can run inside one IndexedDB transaction.
 */

export interface EncodedImage {
  type: string;
  data: string;
}

export async function encodeImage(blob: Blob): Promise<EncodedImage> {
  return { type: blob.type, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/**
 * The Blob for a picture from a backup; `where` names it in the error (`screenshots[2].image`).
 * Throws BackupError for a type that is not image/* or data that is not base64.
 */
export function decodeImage({ type, data }: EncodedImage, where: string): Blob {
  if (!ImageType.safeParse(type).success) {
    throw new BackupError(`${where}: expected an image type like image/webp, got ${JSON.stringify(type.slice(0, 40))}`);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(data);
  } catch (error) {
    throw new BackupError(`${where}: the picture is not readable base64 (${(error as Error).message})`);
  }
  return new Blob([bytes], { type });
}

export async function encodeScreenshot(screenshot: Screenshot): Promise<BackupScreenshot> {
  const [image, thumbnail] = await Promise.all([encodeImage(screenshot.image), encodeImage(screenshot.thumbnail)]);
  return {
    id: screenshot.id,
    incidentId: screenshot.incidentId,
    imageType: image.type,
    image: image.data,
    thumbnailType: thumbnail.type,
    thumbnail: thumbnail.data,
    width: screenshot.width,
    height: screenshot.height,
    takenAt: screenshot.takenAt,
  };
}

export function decodeScreenshot(screenshot: BackupScreenshot, where = 'screenshot'): Screenshot {
  const { id, incidentId, width, height, takenAt } = screenshot;
  const { image, thumbnail } = decodePair(screenshot, where);
  return { id, incidentId, image, thumbnail, width, height, takenAt };
}

export async function encodeHeldClip(held: HeldClip): Promise<BackupHeldClip> {
  const { screenshot, ...rest } = held;
  if (!screenshot) return rest;
  const [image, thumbnail] = await Promise.all([encodeImage(screenshot.image), encodeImage(screenshot.thumbnail)]);
  return {
    ...rest,
    screenshot: {
      imageType: image.type,
      image: image.data,
      thumbnailType: thumbnail.type,
      thumbnail: thumbnail.data,
      width: screenshot.width,
      height: screenshot.height,
    },
  };
}

export function decodeHeldClip(held: BackupHeldClip, where = 'held clip'): HeldClip {
  const { screenshot, ...rest } = held;
  if (!screenshot) return rest;
  const decoded: HeldScreenshot = {
    ...decodePair(screenshot, `${where}.screenshot`),
    width: screenshot.width,
    height: screenshot.height,
  };
  return { ...rest, screenshot: decoded };
}

function decodePair(pictures: BackupHeldScreenshot, where: string): { image: Blob; thumbnail: Blob } {
  return {
    image: decodeImage({ type: pictures.imageType, data: pictures.image }, `${where}.image`),
    thumbnail: decodeImage({ type: pictures.thumbnailType, data: pictures.thumbnail }, `${where}.thumbnail`),
  };
}

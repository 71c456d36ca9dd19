import type { HeldClip, HeldScreenshot, Screenshot } from '../model';
import { BackupError, ImageType, bytesMatchType, type BackupHeldClip, type BackupHeldScreenshot, type BackupScreenshot } from './backup';
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

/**
 * A stored picture as text. Its type is written as the Blob says, even one the backup refuses
 * (an SVG an older import let in): buildBackup checks every picture and leaves such a record out.
 */
export async function encodeImage(blob: Blob): Promise<EncodedImage & { type: ImageType }> {
  return { type: blob.type as ImageType, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/**
 * The Blob for a picture from a backup; `where` names it in the error (`screenshots[2].image`).
 * Throws BackupError for a type that is not one of the raster types, data that is not base64, or
 * bytes that are not what the type says (an SVG or a page calling itself a PNG): no stored
 * picture is ever a document the extension's origin would run.
 */
export function decodeImage({ type, data }: EncodedImage, where: string): Blob {
  const parsedType = ImageType.safeParse(type);
  if (!parsedType.success) throw new BackupError(`${where}: ${parsedType.error.issues[0]!.message}`);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(data);
  } catch (error) {
    throw new BackupError(`${where}: the picture is not readable base64 (${(error as Error).message})`);
  }
  if (!bytesMatchType(type, bytes)) throw new BackupError(`${where}: the picture's bytes do not match its type, ${type}`);
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

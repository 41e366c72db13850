import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { imageSize } from 'image-size';
import { percentDecode } from '../percent-decode.js';

export const IMAGE_TYPES = ['png', 'jpg', 'gif', 'svg'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface ImageInfo {
  path: string;
  type: ImageType;
  widthPx: number;
  heightPx: number;
}

export type ImageProblem = { ruleId: 'remote-image' | 'image-not-found' | 'not-an-image'; reason: string };

/** URLs with a scheme are remote; deckdown reads local files only, so builds never touch the network. */
export function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src) && !/^[a-z]:[\\/]/i.test(src);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Read an image's type and pixel size, or say why it cannot be used. */
export function readImageInfo(src: string, baseDir: string): ImageInfo | ImageProblem {
  if (isRemote(src)) {
    return { ruleId: 'remote-image', reason: `remote image "${src}" is not fetched; the slide shows its alt text in a frame instead (download it and use a local path to show it)` };
  }
  const local = src.replace(/^file:\/\//i, '');
  // `my%20pic.png` names "my pic.png", as it would in a browser; a file really named with "%20" still wins.
  const path = isFile(resolve(baseDir, local)) ? resolve(baseDir, local) : resolve(baseDir, percentDecode(local));
  if (!isFile(path)) {
    return { ruleId: 'image-not-found', reason: `image "${src}" does not exist${isAbsolute(src) ? "" : " (paths are relative to the Markdown file)"}` };
  }
  try {
    const size = imageSize(readFileSync(path));
    const type = size.type === 'jpeg' ? 'jpg' : size.type;
    if (!(IMAGE_TYPES as readonly string[]).includes(type ?? '') || !size.width || !size.height) throw new Error(type);
    return { path, type: type as ImageType, widthPx: size.width, heightPx: size.height };
  } catch {
    return { ruleId: 'not-an-image', reason: `"${src}" is not a PNG, JPEG, GIF or SVG image` };
  }
}

export function isImageProblem(value: ImageInfo | ImageProblem): value is ImageProblem {
  return 'ruleId' in value;
}

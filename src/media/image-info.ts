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

/**
 * Where a picture path may point, in order: as written; percent-decoded (`my%20pic.png` names
 * "my pic.png", as in a browser); without a URL query or fragment (`a.png?width=200`); and for a
 * root path, as Slidev and web decks write them (`/logo.svg`), the deck's `public/` folder and
 * the deck's own folder.
 */
function candidatePaths(local: string, baseDir: string): string[] {
  const forms = [local, percentDecode(local), local.replace(/[?#].*$/, '')];
  const rooted = local.startsWith('/') ? [resolve(baseDir, 'public', `.${local}`), resolve(baseDir, `.${local}`)] : [];
  return [...new Set([...forms.map((form) => resolve(baseDir, form)), ...rooted])];
}

/** Read an image's type and pixel size, or say why it cannot be used. */
export function readImageInfo(src: string, baseDir: string): ImageInfo | ImageProblem {
  if (isRemote(src)) {
    return { ruleId: 'remote-image', reason: `remote image "${src}" is not fetched; the slide shows its alt text in a frame instead (download it and use a local path to show it)` };
  }
  const path = candidatePaths(src.replace(/^file:\/\//i, ''), baseDir).find(isFile);
  if (!path) {
    return { ruleId: 'image-not-found', reason: `image "${src}" does not exist${isAbsolute(src) ? '' : ' (paths are relative to the Markdown file)'}; the slide shows its alt text in a frame instead` };
  }
  try {
    const size = imageSize(readFileSync(path));
    const type = size.type === 'jpeg' ? 'jpg' : size.type;
    if (!(IMAGE_TYPES as readonly string[]).includes(type ?? '') || !size.width || !size.height) throw new Error(type);
    return { path, type: type as ImageType, widthPx: size.width, heightPx: size.height };
  } catch {
    return { ruleId: 'not-an-image', reason: `"${src}" is not a PNG, JPEG, GIF or SVG image; the slide shows its alt text in a frame instead` };
  }
}

export function isImageProblem(value: ImageInfo | ImageProblem): value is ImageProblem {
  return 'ruleId' in value;
}

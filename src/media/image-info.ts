import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { imageSize } from 'image-size';
import { percentDecode } from '../percent-decode.js';
import { isUrl, locateResource, type ResourceRoot } from '../resources/policy.js';

export const IMAGE_TYPES = ['png', 'jpg', 'gif', 'svg'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface ImageInfo {
  path: string;
  type: ImageType;
  widthPx: number;
  heightPx: number;
}

export type ImageProblem = { ruleId: 'remote-image' | 'image-not-found' | 'not-an-image' | 'outside-root'; reason: string };

/** URLs with a scheme are remote; deckdown reads local files only, so builds never touch the network. */
export const isRemote = isUrl;

/**
 * Where a picture path may point, in order: as written; percent-decoded (`my%20pic.png` names
 * "my pic.png", as in a browser); without a URL query or fragment (`a.png?width=200`); and for a
 * root path, as Slidev and web decks write them (`/logo.svg`), the deck's `public/` folder and
 * the deck's own folder.
 */
function candidatePaths(src: string): string[] {
  if (/^file:/i.test(src)) return [src];
  const forms = [src, percentDecode(src), src.replace(/[?#].*$/, '')];
  const rooted = src.startsWith('/') ? [`./public${src}`, `.${src}`] : [];
  return [...new Set([...forms, ...rooted])];
}

/**
 * The file a picture path names: the first candidate that is a file the root lets the deck
 * read. A candidate outside the root is refused rather than passed over, so that the author
 * learns why the picture is missing.
 */
function locateImage(src: string, baseDir: string, root: ResourceRoot): string | ImageProblem {
  const found = candidatePaths(src).map((candidate) => locateResource(candidate, baseDir, root));
  const located = found.find((result) => 'path' in result);
  if (located && 'path' in located) return located.path;
  const refused = found.find((result) => 'problem' in result && result.problem !== 'missing');
  if (refused && 'problem' in refused) {
    return refused.problem === 'outside-root'
      ? { ruleId: 'outside-root', reason: `image ${refused.reason}${src.startsWith('/') ? ", and is not in the deck's public/ folder" : ''}` }
      : { ruleId: 'not-an-image', reason: `image ${refused.reason}; the slide shows its alt text in a frame instead` };
  }
  return { ruleId: 'image-not-found', reason: `image "${src}" does not exist${isAbsolute(src) ? '' : ' (paths are relative to the Markdown file)'}; the slide shows its alt text in a frame instead` };
}

/** Read an image's type and pixel size, or say why it cannot be used. */
export function readImageInfo(src: string, baseDir: string, root: ResourceRoot): ImageInfo | ImageProblem {
  if (isRemote(src)) {
    return { ruleId: 'remote-image', reason: `remote image "${src}" is not fetched; the slide shows its alt text in a frame instead (download it and use a local path to show it)` };
  }
  const path = locateImage(src, baseDir, root);
  if (typeof path !== 'string') return path;
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

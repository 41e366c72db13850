import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { ISizeCalculationResult } from 'image-size/dist/types/interface.js';
import { DEFAULT_LIMITS, overLimit, type Limits } from '../limits.js';
import { percentDecode } from '../percent-decode.js';
import { inspectSvg, isSvgRefusal, svgTooLarge } from './svg-check.js';

export const IMAGE_TYPES = ['png', 'jpg', 'gif', 'svg'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface ImageInfo {
  path: string;
  type: ImageType;
  widthPx: number;
  heightPx: number;
  /** Something to tell the author about a picture that is still placed. */
  note?: { ruleId: 'svg-filter-skipped'; reason: string } | undefined;
}

export type ImageProblem = { ruleId: 'remote-image' | 'image-not-found' | 'not-an-image' | 'image-over-limit'; reason: string };

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
export function readImageInfo(src: string, baseDir: string, limits: Limits = DEFAULT_LIMITS): ImageInfo | ImageProblem {
  if (isRemote(src)) {
    return { ruleId: 'remote-image', reason: `remote image "${src}" is not fetched; the slide shows its alt text in a frame instead (download it and use a local path to show it)` };
  }
  const path = candidatePaths(src.replace(/^file:\/\//i, ''), baseDir).find(isFile);
  if (!path) {
    return { ruleId: 'image-not-found', reason: `image "${src}" does not exist${isAbsolute(src) ? '' : ' (paths are relative to the Markdown file)'}; the slide shows its alt text in a frame instead` };
  }
  return pictureContent(path, src, limits);
}

const INSTEAD = 'the slide shows its alt text in a frame instead';

/**
 * A picture judged by its content, never its name: the kind its first bytes say, within the
 * pixel budget; an SVG parsed and measured against the SVG budgets before anything draws it.
 */
function pictureContent(path: string, src: string, limits: Limits): ImageInfo | ImageProblem {
  const notAnImage = (why = 'is not a PNG, JPEG, GIF or SVG image'): ImageProblem => ({ ruleId: 'not-an-image', reason: `"${src}" ${why}; ${INSTEAD}` });
  let size: ISizeCalculationResult;
  try {
    // Read from the file's first bytes only: a raster picture's header says all that is needed here.
    size = imageSize(path);
  } catch {
    return notAnImage();
  }
  const type = size.type === 'jpeg' ? 'jpg' : size.type;
  if (!isImageType(type) || size.width === undefined || size.height === undefined) return notAnImage();
  if (size.width < 1 || size.height < 1) return notAnImage(`has no area (${size.width} × ${size.height} pixels)`);
  // pptxgenjs files a picture by its name: a raster picture named .svg would become a broken SVG part.
  if (type !== 'svg' && extname(path).toLowerCase() === '.svg') return notAnImage(`is named .svg but holds a ${type.toUpperCase()} picture`);
  const info: ImageInfo = { path, type, widthPx: size.width, heightPx: size.height };
  if (type !== 'svg') {
    const pixels = size.width * size.height;
    return pixels > limits.imagePixels ? { ruleId: 'image-over-limit', reason: `"${src}" is not placed: ${overLimit(`a picture of ${pixels.toLocaleString('en')} pixels`, 'imagePixels', limits)}; ${INSTEAD}` } : info;
  }
  const cost = svgTooLarge(statSync(path).size, limits) ?? inspectSvg(readFileSync(path), limits);
  if (isSvgRefusal(cost)) return cost.ruleId === 'not-an-image' ? notAnImage(`is not a usable SVG picture: ${cost.why}`) : { ruleId: 'image-over-limit', reason: `"${src}" is not placed: ${cost.why}; ${INSTEAD}` };
  if (!cost.filtered) return info;
  const reason = `"${src}" uses SVG filters (blur, shadows…), which take unbounded time to rasterise: its PNG fallback, which LibreOffice and older PowerPoint show, is drawn without them`;
  return { ...info, note: { ruleId: 'svg-filter-skipped', reason } };
}

function isImageType(type: string | undefined): type is ImageType {
  return (IMAGE_TYPES as readonly (string | undefined)[]).includes(type);
}

export function isImageProblem(value: ImageInfo | ImageProblem): value is ImageProblem {
  return 'ruleId' in value;
}

import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import { imageSize } from 'image-size';
import type { ISizeCalculationResult } from 'image-size/dist/types/interface.js';
import { DEFAULT_LIMITS, overLimit, type Limits } from '../limits.js';
import { percentDecode } from '../percent-decode.js';
import { isUrl, locateResource, type ResourceRoot } from '../resources/policy.js';
import { inspectSvg, isSvgRefusal, svgTooLarge, type SvgCost, type SvgRefusal } from './svg-check.js';

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

export type ImageProblem = { ruleId: 'remote-image' | 'image-not-found' | 'not-an-image' | 'image-over-limit' | 'outside-root'; reason: string };

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
    if (refused.problem === 'outside-root') return { ruleId: 'outside-root', reason: `image ${refused.reason}${src.startsWith('/') ? ", and is not in the deck's public/ folder" : ''}` };
    return { ruleId: refused.problem === 'remote' ? 'remote-image' : 'not-an-image', reason: `image ${refused.reason}; the slide shows its alt text in a frame instead` };
  }
  return { ruleId: 'image-not-found', reason: `image "${src}" does not exist${isAbsolute(src) ? '' : ' (paths are relative to the Markdown file)'}; the slide shows its alt text in a frame instead` };
}

/** Read an image's type and pixel size, or say why it cannot be used. */
export function readImageInfo(src: string, baseDir: string, root: ResourceRoot, limits: Limits = DEFAULT_LIMITS): ImageInfo | ImageProblem {
  if (isRemote(src)) {
    return { ruleId: 'remote-image', reason: `remote image "${src}" is not fetched; the slide shows its alt text in a frame instead (download it and use a local path to show it)` };
  }
  const path = locateImage(src, baseDir, root);
  if (typeof path !== 'string') return path;
  return pictureContent(path, src, limits);
}

const INSTEAD = 'the slide shows its alt text in a frame instead';

/** A picture's kind and size from its content, or why it cannot be placed (without the picture's name). */
type Judged = { type: ImageType; width: number; height: number; filtered: boolean } | { ruleId: 'not-an-image' | 'image-over-limit'; why: string };

const NOT_AN_IMAGE = 'is not a PNG, JPEG, GIF or SVG image';

/**
 * A picture judged by its content, never its name: the kind its first bytes say, within the
 * pixel budget; an SVG parsed and measured against the SVG budgets before anything draws it.
 * `header` reads the size header; `svg` measures the picture when it is an SVG.
 */
function judge(header: () => ISizeCalculationResult, svg: () => SvgCost | SvgRefusal, limits: Limits): Judged {
  let size: ISizeCalculationResult;
  try {
    size = header();
  } catch {
    return { ruleId: 'not-an-image', why: NOT_AN_IMAGE };
  }
  const type = size.type === 'jpeg' ? 'jpg' : size.type;
  const { width, height } = size;
  if (!isImageType(type) || width === undefined || height === undefined) return { ruleId: 'not-an-image', why: NOT_AN_IMAGE };
  if (width < 1 || height < 1) return { ruleId: 'not-an-image', why: `has no area (${width} × ${height} pixels)` };
  if (type !== 'svg') {
    const pixels = width * height;
    return pixels > limits.imagePixels ? { ruleId: 'image-over-limit', why: `is not placed: ${overLimit(`a picture of ${pixels.toLocaleString('en')} pixels`, 'imagePixels', limits)}` } : { type, width, height, filtered: false };
  }
  const cost = svg();
  if (!isSvgRefusal(cost)) return { type, width, height, filtered: cost.filtered };
  return { ruleId: cost.ruleId, why: cost.ruleId === 'not-an-image' ? `is not a usable SVG picture: ${cost.why}` : `is not placed: ${cost.why}` };
}

/** A picture file judged by its content: the header read from its first bytes only, an SVG read whole only within its size budget. */
function judgeFile(path: string, limits: Limits): Judged {
  const judged = judge(() => imageSize(path), () => svgTooLarge(statSync(path).size, limits) ?? inspectSvg(readFileSync(path), limits), limits);
  // pptxgenjs files a picture by its name: a raster picture named .svg would become a broken SVG part.
  if (!('ruleId' in judged) && judged.type !== 'svg' && extname(path).toLowerCase() === '.svg') return { ruleId: 'not-an-image', why: `is named .svg but holds a ${judged.type.toUpperCase()} picture` };
  return judged;
}

/** Why a file cannot be a theme's logo or background, or nothing when it can. */
export function pictureFault(path: string, limits: Limits = DEFAULT_LIMITS): string | undefined {
  const judged = judgeFile(path, limits);
  return 'ruleId' in judged ? judged.why : undefined;
}

function pictureContent(path: string, src: string, limits: Limits): ImageInfo | ImageProblem {
  const judged = judgeFile(path, limits);
  if ('ruleId' in judged) return { ruleId: judged.ruleId, reason: `"${src}" ${judged.why}; ${INSTEAD}` };
  const { type, width, height } = judged;
  const info: ImageInfo = { path, type, widthPx: width, heightPx: height };
  if (!judged.filtered) return info;
  const reason = `"${src}" uses SVG filters (blur, shadows…) or markers, which take unbounded time to rasterise: its PNG fallback, which LibreOffice and older PowerPoint show, is drawn without them`;
  return { ...info, note: { ruleId: 'svg-filter-skipped', reason } };
}

/** The kind of a picture held in memory (a template's logo), judged as a file would be; undefined when it cannot be used. */
export function pictureKind(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): ImageType | undefined {
  const judged = judge(() => imageSize(bytes), () => inspectSvg(bytes, limits), limits);
  return 'ruleId' in judged ? undefined : judged.type;
}

function isImageType(type: string | undefined): type is ImageType {
  return (IMAGE_TYPES as readonly (string | undefined)[]).includes(type);
}

export function isImageProblem(value: ImageInfo | ImageProblem): value is ImageProblem {
  return 'ruleId' in value;
}

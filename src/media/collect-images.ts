import type { Block, Deck } from '../outline/schema.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { ResourceRoot } from '../resources/policy.js';
import { isImageProblem, isRemote, readImageInfo, type ImageInfo, type ImageProblem } from './image-info.js';

function blockImages(block: Block): string[] {
  switch (block.type) {
    case 'image':
      return [block.src];
    case 'columns':
      return block.columns.flatMap((column) => column.blocks.flatMap(blockImages));
    case 'quote':
      return block.blocks.flatMap(blockImages);
    case 'list':
      return block.items.flatMap((item) => item.blocks.flatMap(blockImages));
    default:
      return [];
  }
}

/** Every image a deck uses, slide backgrounds included, each once. */
export function imageSources(deck: Deck): string[] {
  const sources = deck.slides.flatMap((slide) => [...(slide.background?.image ? [slide.background.image] : []), ...('body' in slide ? slide.body.flatMap(blockImages) : [])]);
  return [...new Set(sources)];
}

/** What to tell the author about a picture: why it is not placed, or a note on one that is. */
export type ImageReport = (ImageProblem | NonNullable<ImageInfo['note']>) & { src: string };

/** Read the images' sizes once, at the edge, so that layout stays a pure function. */
export function loadImages(deck: Deck, baseDir: string, root: ResourceRoot, limits: Limits = DEFAULT_LIMITS): { images: Map<string, ImageInfo>; problems: ImageReport[] } {
  const images = new Map<string, ImageInfo>();
  const problems: ImageReport[] = [];
  // A remote picture is never fetched: its slide shows a frame with the alt text instead (reported by the outline).
  for (const src of imageSources(deck).filter((source) => !isRemote(source))) {
    const info = readImageInfo(src, baseDir, root, limits);
    if (isImageProblem(info)) {
      problems.push({ ...info, src });
    } else {
      images.set(src, info);
      if (info.note) problems.push({ ...info.note, src });
    }
  }
  return { images, problems };
}

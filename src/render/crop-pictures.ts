import type { Crop, PlacedDeck } from '../layout/frames.js';
import { readPart, shapeStart, writePart, type Parts } from './fill-text.js';

function sourceRect(crop: Crop): string {
  return `<a:srcRect l="${crop.left}" t="${crop.top}" r="${crop.right}" b="${crop.bottom}"/>`;
}

/**
 * Pictures that cover their box keep their aspect ratio: pptxgenjs stretches them, so the part
 * that falls outside is cropped off, on slide backgrounds and on picture frames alike.
 */
export function cropPictures(parts: Parts, deck: PlacedDeck): void {
  deck.slides.forEach((slide, index) => {
    const name = `ppt/slides/slide${index + 1}.xml`;
    let xml = readPart(parts, name);
    const before = xml;
    if (slide.background.crop) xml = xml.replace(/(<p:bg>[\s\S]*?)<a:srcRect\/>/, (_match, head: string) => `${head}${sourceRect(slide.background.crop!)}`);
    for (const frame of slide.frames) {
      if (frame.kind !== 'image' || !frame.crop) continue;
      const start = shapeStart(xml, frame.name, name);
      const stretch = xml.indexOf('<a:stretch>', start);
      xml = `${xml.slice(0, stretch)}${sourceRect(frame.crop)}${xml.slice(stretch)}`;
    }
    if (xml !== before) writePart(parts, name, xml);
  });
}

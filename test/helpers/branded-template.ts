import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { referencePptx } from './pandoc.js';

/**
 * An institution's template, as a .potx: pandoc's reference.pptx (made in PowerPoint) with a
 * brand bar across the top of its slide master, the institution's name written on the bar, and
 * a picture mark in the bar's right end. Its slides are removed, as a template has none.
 */
export const BRAND = {
  barColor: '00AFCA',
  markColor: 'FEC50C',
  name: 'KAZNU',
  /** The bar's height and the mark's box, in inches on the 10 × 5.625 inch slide. */
  barInches: 0.2,
  mark: { x: 9.6, y: 0.02, w: 0.16, h: 0.16 },
};

const EMU = 914400;
const emu = (inches: number) => Math.round(inches * EMU);

function markPicture(): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width: 16, height: 16 });
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(BRAND.markColor.slice(at, at + 2), 16));
  for (let index = 0; index < 16 * 16; index++) png.data.set([r!, g!, b!, 255], index * 4);
  return Uint8Array.from(PNG.sync.write(png));
}

function brandShapes(): string {
  const bar = BRAND.barInches;
  const { mark } = BRAND;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="90" name="Brand Bar"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu(10)}" cy="${emu(bar)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="${BRAND.barColor}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>` +
    `<p:txBody><a:bodyPr lIns="91440" tIns="0" rIns="0" bIns="0" anchor="ctr"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="900" b="1"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:latin typeface="+mn-lt"/></a:rPr><a:t>${BRAND.name}</a:t></a:r></a:p></p:txBody></p:sp>` +
    `<p:pic><p:nvPicPr><p:cNvPr id="91" name="Brand Mark" descr="${BRAND.name} mark"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdBrandMark"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr><a:xfrm><a:off x="${emu(mark.x)}" y="${emu(mark.y)}"/><a:ext cx="${emu(mark.w)}" cy="${emu(mark.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
  );
}

/** The branded template's bytes; needs pandoc for its reference.pptx. */
export function brandedTemplate(): Uint8Array {
  const parts = unzipSync(referencePptx());
  const text = (name: string) => strFromU8(parts[name]!);
  const master = 'ppt/slideMasters/slideMaster1.xml';
  // Behind the placeholders, right after the group properties.
  parts[master] = strToU8(text(master).replace('</p:grpSpPr>', () => `</p:grpSpPr>${brandShapes()}`));
  const masterRels = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
  parts[masterRels] = strToU8(
    text(masterRels).replace('</Relationships>', '<Relationship Id="rIdBrandMark" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/brand-mark.png"/></Relationships>'),
  );
  parts['ppt/media/brand-mark.png'] = markPicture();
  for (const name of Object.keys(parts)) if (/^ppt\/(slides|notesSlides)\//.test(name)) delete parts[name];
  parts['ppt/presentation.xml'] = strToU8(text('ppt/presentation.xml').replace(/<p:sldIdLst>.*?<\/p:sldIdLst>/, ''));
  parts['ppt/_rels/presentation.xml.rels'] = strToU8(text('ppt/_rels/presentation.xml.rels').replace(/<Relationship [^>]*relationships\/slide"[^>]*\/>/g, ''));
  let types = text('[Content_Types].xml').replace(/<Override PartName="\/ppt\/(slides|notesSlides)\/[^>]*\/>/g, '');
  types = types.replace('presentationml.presentation.main+xml', 'presentationml.template.main+xml');
  if (!/Extension="png"/i.test(types)) types = types.replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default ');
  parts['[Content_Types].xml'] = strToU8(types);
  return zipSync(parts);
}

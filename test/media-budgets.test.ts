import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsWith } from '../src/limits.js';
import { isImageProblem, readImageInfo, type ImageInfo } from '../src/media/image-info.js';
import { readPixels } from '../src/media/picture-colours.js';
import { fallbackSide, inspectSvg, isSvgRefusal, withoutFilters, type SvgCost } from '../src/media/svg-check.js';
import { OpcPackage } from '../src/render/opc-package.js';
import { rasteriseSvgFallbacks } from '../src/render/svg-fallback.js';
import { fastestRun } from './helpers/fastest-run.js';
import {
  BLUR_SVG,
  ENTITY_LOOP_SVG,
  externalEntitySvg,
  jpegHeader,
  laughsSvg,
  layersSvg,
  nestedSvg,
  PLAIN_ENTITY_SVG,
  pngBomb,
  UNBLURRED_SVG,
  useBombSvg,
  ZERO_HEIGHT_SVG,
  ZERO_WIDTH_SVG,
} from './helpers/hostile-media.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const inspect = (text: string, limits = DEFAULT_LIMITS) => inspectSvg(bytes(text), limits);

function cost(text: string): SvgCost {
  const result = inspect(text);
  if (isSvgRefusal(result)) throw new Error(result.why);
  return result;
}

describe('SVG inspection', () => {
  it('refuses entities of entities, entity loops and external entities as not a usable picture', () => {
    for (const text of [laughsSvg(), ENTITY_LOOP_SVG, externalEntitySvg('file:///etc/passwd')]) {
      expect(inspect(text)).toMatchObject({ ruleId: 'not-an-image' });
    }
  });

  it('allows plain text entities, counting what they expand to against the size budget', () => {
    expect(isSvgRefusal(inspect(PLAIN_ENTITY_SVG))).toBe(false);
    const many = PLAIN_ENTITY_SVG.replace('fill="&ns_fill;"/>', `fill="&ns_fill;"/>${'<desc>&ns_fill;</desc>'.repeat(100)}`);
    expect(inspect(many, limitsWith({ svgBytes: many.length + 100 }))).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringContaining('--limit svg-bytes=') });
  });

  it('refuses what is not SVG, or not well-formed', () => {
    expect(inspect('<html><body/></html>')).toMatchObject({ ruleId: 'not-an-image' });
    expect(inspect('<svg xmlns="http://www.w3.org/2000/svg"><g><g></svg>')).toMatchObject({ ruleId: 'not-an-image' });
  });

  it('bounds the size, the elements and the nesting, each by its own limit', () => {
    expect(inspect(nestedSvg(20), limitsWith({ svgBytes: 100 }))).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringContaining('--limit svg-bytes=') });
    expect(inspect(nestedSvg(20_000))).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringContaining('--limit svg-depth=') });
    expect(cost(nestedSvg(200)).depth).toBe(202);
    expect(inspect(layersSvg(100), limitsWith({ svgElements: 150 }))).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringContaining('--limit svg-elements=') });
  });

  it('counts every <use> copy, so that two kilobytes of copies of copies are refused', () => {
    // <svg>, <defs>, the rectangle, its group of ten copies (21), their group of ten copies (221), and the <use> of that (222).
    expect(cost(useBombSvg(2, 10)).elements).toBe(1 + 1 + 1 + 21 + 221 + 222);
    const bomb = useBombSvg(8, 10);
    expect(bomb.length).toBeLessThan(2500);
    expect(inspect(bomb)).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringMatching(/an SVG of [\d,]+ elements \(each <use> copy counted\)/) });
  });

  it('draws no <use> that copies its own ancestor', () => {
    const loop = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="a"><use href="#a"/><rect width="1" height="1"/></g></svg>';
    expect(cost(loop).elements).toBe(4);
  });

  it('measures a picture inside the picture against the pixel budget', () => {
    const inner = pngBomb(200_000, 200_000, 1).toString('base64');
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="10" height="10" href="data:image/png;base64,${inner}"/></svg>`;
    expect(inspect(text)).toMatchObject({ ruleId: 'image-over-limit', why: expect.stringContaining('--limit image-pixels=') });
  });

  it('weighs layers (group opacity, masks, clip paths) above plain elements', () => {
    const plain = cost('<svg xmlns="http://www.w3.org/2000/svg"><rect/><rect/></svg>');
    const layered = cost('<svg xmlns="http://www.w3.org/2000/svg"><rect opacity="0.5"/><rect style="clip-path:url(#c)"/></svg>');
    expect(layered.units).toBeGreaterThan(plain.units * 10);
  });

  it('is linear: a million bytes of elements are measured in well under two seconds', () => {
    const text = layersSvg(15_000);
    expect(text.length).toBeGreaterThan(900_000);
    expect(fastestRun(() => cost(text), 2000)).toBeLessThan(2000);
    expect(cost(text).elements).toBe(30_001);
  });
});

describe('filters', () => {
  it('finds filters in attributes, style attributes and style sheets, and removes every use', () => {
    expect(cost(BLUR_SVG).filtered).toBe(true);
    expect(cost('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:red; filter : url(#f)"/></svg>').filtered).toBe(true);
    expect(cost('<svg xmlns="http://www.w3.org/2000/svg"><style>rect{filter:url(#f)}</style><rect/></svg>').filtered).toBe(true);
    expect(cost('<svg xmlns="http://www.w3.org/2000/svg"><rect data-filter="x" fill="red"/></svg>').filtered).toBe(false);
    expect(withoutFilters(BLUR_SVG)).toBe(UNBLURRED_SVG);
    expect(withoutFilters('<rect style="fill:red;filter:url(#f)"/>')).toBe('<rect style="fill:red;"/>');
  });
});

describe('the fallback raster', () => {
  const ordinary: SvgCost = { elements: 20, depth: 3, units: 20, filtered: false };

  it('is full size for an ordinary picture and smaller for a costly one, within the budget', () => {
    expect(fallbackSide(ordinary, 2, 1600, 2e9)).toBe(1600);
    const costly = { ...ordinary, units: 3_000_000 };
    const side = fallbackSide(costly, 2, 1600, 2e9);
    expect(side).toBeLessThan(1600);
    expect(side * (side / 2) * costly.units).toBeLessThanOrEqual(2e9);
  });

  async function fallbackOf(text: string): Promise<Uint8Array> {
    const opc = new OpcPackage();
    opc.setBytes('ppt/media/image1.png', bytes(text));
    await rasteriseSvgFallbacks(opc, DEFAULT_LIMITS);
    return opc.bytes('ppt/media/image1.png');
  }

  it('draws a picture with filters as the same picture without them', async () => {
    expect(await fallbackOf(BLUR_SVG)).toEqual(await fallbackOf(UNBLURRED_SVG));
  });

  it('is a plain placeholder for a picture that has no area or that the readers would refuse', async () => {
    for (const text of [ZERO_HEIGHT_SVG, laughsSvg(), useBombSvg()]) {
      const png = PNG.sync.read(Buffer.from(await fallbackOf(text)));
      expect(Math.max(png.width, png.height)).toBe(64);
    }
    // resvg ignores a view box without area, and draws the picture at its default size.
    expect(PNG.sync.read(Buffer.from(await fallbackOf(ZERO_WIDTH_SVG))).width).toBeGreaterThan(0);
  });
});

describe('pictures by content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-media-'));
  const file = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    return name;
  };

  it('refuses a raster picture over the pixel budget from its header alone', () => {
    const info = readImageInfo(file('bomb.png', pngBomb(100_000, 100_000)), dir, dir);
    expect(info).toMatchObject({ ruleId: 'image-over-limit', reason: expect.stringContaining('10,000,000,000 pixels') });
    expect(readImageInfo(file('big.jpg', jpegHeader(60_000, 60_000)), dir, dir)).toMatchObject({ ruleId: 'image-over-limit' });
    expect(isImageProblem(readImageInfo('bomb.png', dir, dir, limitsWith({ imagePixels: 1e10 })))).toBe(false);
  });

  it('judges by content, not by name', () => {
    expect(readImageInfo(file('text.png', 'just some words\n'), dir, dir)).toMatchObject({ ruleId: 'not-an-image' });
    expect(readImageInfo(file('raster.svg', pngBomb(10, 10)), dir, dir)).toMatchObject({ ruleId: 'not-an-image', reason: expect.stringContaining('named .svg but holds a PNG') });
    expect(readImageInfo(file('drawing.png', PLAIN_ENTITY_SVG), dir, dir)).toMatchObject({ type: 'svg' });
  });

  it('refuses an SVG over the size budget before reading it, and notes one whose filters are skipped', () => {
    const big = readImageInfo(file('big.svg', nestedSvg(3)), dir, dir, limitsWith({ svgBytes: 50 }));
    expect(big).toMatchObject({ ruleId: 'image-over-limit', reason: expect.stringMatching(/^"big\.svg" is not placed: an SVG of \d+ bytes exceeds the limit/) });
    expect((readImageInfo(file('blur.svg', BLUR_SVG), dir, dir) as ImageInfo).note).toMatchObject({ ruleId: 'svg-filter-skipped' });
    expect(readImageInfo(file('flat.svg', ZERO_HEIGHT_SVG), dir, dir)).toMatchObject({ ruleId: 'not-an-image' });
  });

  it('decodes colours only after the header of the very bytes decoded is within the budget', () => {
    const path = join(dir, 'swapped.png');
    writeFileSync(path, pngBomb(16, 16));
    const info = readImageInfo('swapped.png', dir, dir) as ImageInfo;
    expect(readPixels(info)).toMatchObject({ width: 16, height: 16 });
    // The file changed after it was read: the bomb is not decoded.
    writeFileSync(path, pngBomb(50_000, 50_000));
    expect(readPixels(info)).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Limits } from '../limits.js';
import { fallbackSide, inspectSvg, isSvgRefusal, withoutFilters } from '../media/svg-check.js';
import type { OpcPackage } from './opc-package.js';

/** The longer side of the PNG that stands in for an SVG picture: sharp on a projector, small in the file. */
const FALLBACK_SIZE_PX = 1600;

/**
 * Work allowed for one fallback, in fills of the whole raster × pixels: about two seconds with
 * resvg's WebAssembly build. An ordinary picture is drawn at the full size; a costly one (tens of
 * thousands of elements, hundreds of layers) smaller, so that no picture stalls a build.
 */
const FALLBACK_BUDGET = 2e9;

let ready: Promise<void> | undefined;
function loadRenderer(): Promise<void> {
  // The WebAssembly build renders the same pixels on every platform, so the deck stays byte-identical.
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** A .png part that is not a PNG but SVG text (comments, DOCTYPE and all) is an SVG picture's stand-in. */
function isSvg(data: Uint8Array): boolean {
  if (PNG_SIGNATURE.every((byte, index) => data[index] === byte)) return false;
  return /<svg[\s>]/.test(new TextDecoder().decode(data.subarray(0, 8192)));
}

/** A plain light grey PNG of the picture's proportions: what stands in for an SVG that cannot be drawn. */
function placeholder(aspect: number): Uint8Array {
  const [width, height] = Number.isFinite(aspect) && aspect > 0 ? (aspect >= 1 ? [64, Math.max(1, Math.round(64 / aspect))] : [Math.max(1, Math.round(64 * aspect)), 64]) : [64, 64];
  return new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#D9D9D9"/></svg>`).render().asPng();
}

/**
 * The PNG fallback of one SVG: drawn without filters, at a size its measured cost allows. A
 * picture the readers refused never gets here; one that did anyway (a theme's logo, a file
 * changed since it was read) or that the renderer rejects becomes the placeholder.
 */
function fallbackPng(data: Uint8Array, limits: Limits): Uint8Array {
  const cost = inspectSvg(data, limits);
  if (isSvgRefusal(cost)) return placeholder(1);
  const text = withoutFilters(new TextDecoder().decode(data));
  let aspect = 1;
  try {
    const natural = new Resvg(text);
    aspect = natural.width / natural.height;
    const side = fallbackSide(cost, aspect, FALLBACK_SIZE_PX, FALLBACK_BUDGET);
    // The longer side is fitted, so a tall, narrow drawing does not become an enormous raster.
    const mode = aspect >= 1 ? 'width' : 'height';
    if (!(Math.min(natural.width, natural.height) > 0) || side / Math.max(aspect, 1 / aspect) < 1) return placeholder(aspect);
    return new Resvg(text, { fitTo: { mode, value: side } }).render().asPng();
  } catch {
    return placeholder(aspect);
  }
}

/**
 * PowerPoint shows an SVG picture through its PNG fallback where SVG is not supported, and
 * LibreOffice always does. pptxgenjs stores the SVG bytes under the fallback's .png name, so
 * each such part is rasterised here. Nothing is fetched: resvg's WebAssembly build reads no
 * file and no URL, and draws text only with fonts it is given (none).
 */
export async function rasteriseSvgFallbacks(opc: OpcPackage, limits: Limits): Promise<void> {
  const fallbacks = opc.names().filter((name) => name.startsWith('ppt/media/') && name.endsWith('.png') && isSvg(opc.bytes(name)));
  if (fallbacks.length === 0) return;
  await loadRenderer();
  for (const name of fallbacks) opc.setBytes(name, fallbackPng(opc.bytes(name), limits));
}

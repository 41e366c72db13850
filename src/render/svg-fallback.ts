import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { OpcPackage } from './opc-package.js';

/** The longer side of the PNG that stands in for an SVG picture: sharp on a projector, small in the file. */
const FALLBACK_SIZE_PX = 1600;

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

/**
 * PowerPoint shows an SVG picture through its PNG fallback where SVG is not supported, and
 * LibreOffice always does. pptxgenjs stores the SVG bytes under the fallback's .png name, so
 * each such part is rasterised here.
 */
export async function rasteriseSvgFallbacks(opc: OpcPackage): Promise<void> {
  const fallbacks = opc.names().filter((name) => name.startsWith('ppt/media/') && name.endsWith('.png') && isSvg(opc.bytes(name)));
  if (fallbacks.length === 0) return;
  await loadRenderer();
  for (const name of fallbacks) {
    const text = new TextDecoder().decode(opc.bytes(name));
    // The longer side is fitted, so a tall, narrow drawing does not become an enormous raster.
    const natural = new Resvg(text);
    const mode = natural.width >= natural.height ? 'width' : 'height';
    opc.setBytes(name, new Resvg(text, { fitTo: { mode, value: FALLBACK_SIZE_PX } }).render().asPng());
  }
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Parts } from './fill-text.js';

/** The width of the PNG that stands in for an SVG picture: sharp on a projector, small in the file. */
const FALLBACK_WIDTH_PX = 1600;

let ready: Promise<void> | undefined;
function loadRenderer(): Promise<void> {
  // The WebAssembly build renders the same pixels on every platform, so the deck stays byte-identical.
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

function isSvg(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 256)).trimStart();
  return head.startsWith('<svg') || head.startsWith('<?xml');
}

/**
 * PowerPoint shows an SVG picture through its PNG fallback where SVG is not supported, and
 * LibreOffice always does. pptxgenjs stores the SVG bytes under the fallback's .png name, so
 * each such part is rasterised here.
 */
export async function rasteriseSvgFallbacks(parts: Parts): Promise<void> {
  const fallbacks = Object.keys(parts).filter((name) => name.startsWith('ppt/media/') && name.endsWith('.png') && isSvg(parts[name]!));
  if (fallbacks.length === 0) return;
  await loadRenderer();
  for (const name of fallbacks) {
    const svg = new Resvg(new TextDecoder().decode(parts[name]!), { fitTo: { mode: 'width', value: FALLBACK_WIDTH_PX } });
    parts[name] = svg.render().asPng();
  }
}

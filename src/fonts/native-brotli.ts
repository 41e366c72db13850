import { brotliDecompressSync } from 'node:zlib';

/**
 * What fontkit asks of the `brotli` package, to read WOFF2 fonts: the data decompressed, at most
 * `outputSize` bytes. The bundle takes it from Node's own brotli instead (see `build/bundle.ts`):
 * the package is a decoder written in JavaScript for browsers, with its dictionary inlined, and
 * 1.4 MB of a build worker's 4.6 MB to load before every build.
 */
export default function decompress(input: Uint8Array, outputSize?: number): Uint8Array {
  return brotliDecompressSync(input, outputSize === undefined ? {} : { maxOutputLength: Math.max(1, outputSize) });
}

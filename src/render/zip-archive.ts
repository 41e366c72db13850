import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

/** A part as it goes into the archive: deflated, with the size and CRC-32 of what it inflates to. */
export interface ZipEntry {
  name: string;
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/**
 * A part deflated as every part of a deck is, whichever thread does it: fflate at level 6, a
 * pure-JavaScript deflate whose bytes are the same on every machine (zlib's depend on the CPU).
 */
export function deflateEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, deflated: deflateSync(bytes, { level: 6 }), size: bytes.length, crc: crc32(bytes) };
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_CENTRAL_DIRECTORY = 22;
const DEFLATED = 8;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** An MS-DOS date and time, in local time as zip tools read it. */
function dosTime(time: Date): number {
  const date = ((time.getFullYear() - 1980) << 9) | ((time.getMonth() + 1) << 5) | time.getDate();
  const clock = (time.getHours() << 11) | (time.getMinutes() << 5) | (time.getSeconds() >> 1);
  return ((date << 16) | clock) >>> 0;
}

/**
 * Deflated parts → a zip archive, in the order given, every entry at `time`: local headers with
 * sizes and CRCs (no data descriptors), version 2.0, no extra fields and no comments, the bytes
 * fflate's `zipSync` writes for the same parts. The entries may have been deflated anywhere.
 */
export function zipArchive(entries: readonly ZipEntry[], time: Date): Uint8Array {
  const utf8 = new TextEncoder();
  const names = entries.map(({ name }) => utf8.encode(name));
  const stamp = dosTime(time);
  const localSize = entries.reduce((sum, entry, at) => sum + LOCAL_HEADER + names[at]!.length + entry.deflated.length, 0);
  const centralSize = names.reduce((sum, name) => sum + CENTRAL_HEADER + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + END_OF_CENTRAL_DIRECTORY);
  const view = new DataView(out.buffer);
  /** The fields a local header and its central record share, from "version needed" to the extra field's length. */
  const common = (at: number, entry: ZipEntry, name: Uint8Array) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, name.length === entry.name.length ? 0 : UTF8_NAME, true);
    view.setUint16(at + 4, DEFLATED, true);
    view.setUint32(at + 6, stamp, true);
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.deflated.length, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, name.length, true);
  };
  let local = 0;
  let central = localSize;
  entries.forEach((entry, at) => {
    const name = names[at]!;
    view.setUint32(local, 0x04034b50, true);
    common(local + 4, entry, name);
    out.set(name, local + LOCAL_HEADER);
    out.set(entry.deflated, local + LOCAL_HEADER + name.length);
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true);
    common(central + 6, entry, name);
    view.setUint32(central + 42, local, true);
    out.set(name, central + CENTRAL_HEADER);
    local += LOCAL_HEADER + name.length + entry.deflated.length;
    central += CENTRAL_HEADER + name.length;
  });
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}

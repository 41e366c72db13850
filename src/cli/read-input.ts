import { open } from 'node:fs/promises';

/**
 * At most `limit` bytes of a stream; undefined when it holds more. Reading stops at the first
 * byte over, so an endless source (/dev/zero, `yes |`) costs no more than the limit.
 */
export async function readAtMost(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A file's bytes, up to `limit`; undefined when it holds more. A regular file's size is
 * checked before a byte is read; a device or a pipe (/dev/stdin, `<(…)`) is read up to the limit.
 */
export async function readFileAtMost(path: string, limit: number): Promise<Uint8Array | undefined> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > limit) return undefined;
    return await readAtMost(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close();
  }
}

/** Text read from bytes, or why the bytes are not text and, for bad UTF-8, where. */
export type Decoded = { text: string } | { problem: string; line?: number; column?: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** Line and column (1-based, in characters) of `index` in `text`. */
function placeOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return { line, column: index - text.lastIndexOf('\n', index - 1) };
}

/**
 * Where the first byte that is not UTF-8 is: the first replacement character the lenient
 * decoder made that does not stand for a U+FFFD written in the file (EF BF BD).
 */
function firstInvalidUtf8(bytes: Uint8Array, skipped: number): { byte: number; line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let offset = skipped;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    offset += Buffer.byteLength(text.slice(from, index));
    from = index + 1;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      offset += 3;
      continue;
    }
    return { byte: bytes[offset]!, ...placeOf(text, index) };
  }
  // Not reached for bytes the strict decoder refused; said plainly all the same.
  return { byte: bytes[skipped] ?? 0, line: 1, column: 1 };
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Source bytes → text. UTF-8, with or without a byte order mark, and UTF-16 (either order) with
 * one. A zip package (a .pptx) or bytes with NUL in them are not text; UTF-8 that does not
 * decode is refused at its first bad byte rather than replaced unseen.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, ZIP)) return { problem: 'the input is not a text file: it is a zip package (such as a .pptx); give the Markdown source or a deck outline (.json)' };
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      // The decoder drops the byte order mark itself.
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      if (!text.includes('\0')) return { text };
    } catch {
      return { problem: `the input is not valid ${utf16.toUpperCase()}: it starts with that byte order mark, but a character is broken` };
    }
  }
  if (bytes.includes(0)) return { problem: 'the input is not a text file: it holds NUL bytes (binary data, or UTF-16 without a byte order mark); save it as UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const skipped = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    const { byte, line, column } = firstInvalidUtf8(bytes, skipped);
    return { problem: `byte ${hex(byte)} is not valid UTF-8; save the file as UTF-8 (or as UTF-16 with a byte order mark)`, line, column };
  }
}

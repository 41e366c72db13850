import { Inflate } from 'fflate';
import { overLimit, type Limits } from '../limits.js';

/** An archive that cannot be unpacked within the budgets, or is not a zip archive. */
export class ArchiveError extends Error {}

/**
 * What an entry may unpack to whatever its ratio: small parts of repetitive XML compress far
 * better than the archive as a whole, and are no threat at this size.
 */
const ENTRY_GRACE_BYTES = 1024 * 1024;

/** Packed bytes inflated at a time, between checks of the budgets: at most about 66 MB come of them. */
const STEP_BYTES = 64 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/** Where the end-of-directory record starts: it is the archive's last record, followed by a comment of up to 64 KiB. */
function endOfDirectory(view: DataView): number | undefined {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}

/**
 * The entries of a zip archive (a .pptx, a .potx), unpacked within the budgets: the archive's
 * size, its entry count, and what it unpacks to, as a multiple of its size, in all and entry by
 * entry. The sizes an archive declares can lie, so the bytes actually inflated are counted, and
 * inflating stops at the budget: a zip bomb costs what the budget allows, never more. The
 * central directory is read, as unzip tools do, so a truncated archive is found out.
 */
export function readArchive(bytes: Uint8Array, limits: Limits): Map<string, Uint8Array> {
  if (bytes.length > limits.archiveBytes) throw new ArchiveError(overLimit(`an archive of ${bytes.length.toLocaleString('en')} bytes`, 'archiveBytes', limits));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL_ENTRY;
  const end = isZip ? endOfDirectory(view) : undefined;
  if (end === undefined) throw new ArchiveError(isZip ? 'the zip package is truncated: it has no central directory' : 'it is not a zip package');
  const count = view.getUint16(end + 10, true);
  const directoryAt = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryAt === 0xffffffff) throw new ArchiveError('it is a ZIP64 archive, larger than any template');
  if (count > limits.archiveEntries) throw new ArchiveError(overLimit(`an archive of ${count.toLocaleString('en')} entries`, 'archiveEntries', limits));
  const truncated = () => new ArchiveError('the zip package is truncated or damaged');
  const entries = new Map<string, Uint8Array>();
  let budget = limits.expansionRatio * bytes.length;
  let at = directoryAt;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw truncated();
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_ENTRY) throw truncated();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > bytes.length) throw truncated();
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ArchiveError(`its entry ${JSON.stringify(name)} is encrypted`);
    if (entries.has(name)) throw new ArchiveError(`it has two entries named ${JSON.stringify(name)}`);
    const data = bytes.subarray(start, start + packed);
    const allowed = Math.min(budget, Math.max(ENTRY_GRACE_BYTES, limits.expansionRatio * packed));
    const unpacked = unpack(data, method, allowed, name, limits);
    budget -= unpacked.length;
    entries.set(name, unpacked);
  }
  return entries;
}

function unpack(data: Uint8Array, method: number, allowed: number, name: string, limits: Limits): Uint8Array {
  const label = JSON.stringify(name);
  const over = () => new ArchiveError(overLimit(`what the archive unpacks to, as a multiple of its size, at entry ${label},`, 'expansionRatio', limits));
  if (method === 0) {
    if (data.length > allowed) throw over();
    return data.slice();
  }
  if (method !== 8) throw new ArchiveError(`its entry ${label} is packed with a method zip tools rarely use (${method})`);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    chunks.push(chunk);
    produced += chunk.length;
  });
  // Inflated a step at a time, and the ratio of what came out to what went in checked after each:
  // a bomb is stopped after its first steps, long before it reaches the whole entry's budget.
  for (let at = 0; ; at += STEP_BYTES) {
    const end = Math.min(at + STEP_BYTES, data.length);
    try {
      inflater.push(data.subarray(at, end), end === data.length);
    } catch {
      throw new ArchiveError(`its entry ${label} is damaged`);
    }
    if (produced > allowed || (produced > ENTRY_GRACE_BYTES && produced > limits.expansionRatio * end)) throw over();
    if (end === data.length) break;
  }
  const unpacked = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    unpacked.set(chunk, offset);
    offset += chunk.length;
  }
  return unpacked;
}

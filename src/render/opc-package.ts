import { XMLSerializer, type Document, type Element, type ProcessingInstruction } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { withoutXmlIllegal } from '../xml-chars.js';
import { parseXml, replaceEach } from './dom.js';
import { withoutUnusedNamespaces, XML_DECLARATION } from './xml.js';
import { deflateEntry, zipArchive, type ZipEntry } from './zip-archive.js';

/** What deflates parts for a package as they are settled, ahead of the zip: another thread, say. */
export interface DeflateAhead {
  /** Start on a part's final bytes. */
  start(name: string, bytes: Uint8Array): void;
  /** The part's entry: the one started, if it was started with these very bytes, or a new one. */
  entry(name: string, bytes: Uint8Array): Promise<ZipEntry>;
}

/**
 * Every zip entry carries the same local time, noon on 1 January 1980: zip entries store local
 * time fields, and a fixed local time gives the same bytes in every time zone. The deck's own
 * date is in docProps/core.xml.
 */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 12, 0, 0);
const CONTENT_TYPES = '[Content_Types].xml';
const ALWAYS_SERIALISED = /\.rels$|^\[Content_Types\]\.xml$/;
/** Where an element written later stands in a part: a processing instruction no part of a deck has. */
const LATER = 'deckdown-later';
const LATER_MARK = new RegExp(`<\\?${LATER} (\\d+)\\?>`, 'g');
/** A part's declaration as pptxgenjs and templates write it, with what follows it up to the root. */
const DECLARATION = /^<\?xml [^?]*\?>\s*/;
/** Space between elements, in parts that hold no text: relationships and content types. */
const SPACE_BETWEEN = />\s+</g;

/**
 * An Open Packaging Conventions package (a .pptx, a .potx, an embedded workbook) as named
 * parts. XML parts are parsed on first use and written back when the package is zipped, so
 * passes change elements and attributes, never offsets into text.
 */
export class OpcPackage {
  /** Raw bytes until a part is first read as XML; Map order is the zip's order. */
  private readonly parts = new Map<string, Uint8Array | Document>();
  /** Elements written as text into a part's document only when it is serialised, by the part. */
  private readonly later = new Map<string, { mark: ProcessingInstruction; xml: string }[]>();
  /** Parts held as bytes that this package's serialiser wrote: the zip need not parse them to write them alike. */
  private readonly serialised = new Set<string>();
  private ahead: DeflateAhead | undefined;

  static unzip(bytes: Uint8Array): OpcPackage {
    return OpcPackage.fromParts(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/')));
  }

  /** A package of parts already unpacked, in package order. */
  static fromParts(parts: Iterable<readonly [string, Uint8Array]>): OpcPackage {
    const opc = new OpcPackage();
    for (const [name, data] of parts) opc.parts.set(name, data);
    return opc;
  }

  /** Part names, in package order. */
  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  private get(name: string): Uint8Array | Document {
    const part = this.parts.get(name);
    if (!part) throw new Error(`internal error: the package has no part "${name}"`);
    return part;
  }

  /**
   * The part, parsed; changes to the document are the part's new content. With `whole`, the
   * elements to be written later are parsed into it first, for a pass that reads inside them.
   */
  xml(name: string, whole = false): Document {
    const part = this.get(name);
    if (whole) this.writeNow(name);
    if (!(part instanceof Uint8Array)) return part;
    this.serialised.delete(name);
    const document = parseXml(withoutXmlIllegal(new TextDecoder().decode(part)), `part "${name}"`);
    this.parts.set(name, document);
    return document;
  }

  /**
   * Put each of deckdown's elements where its old one was in the part, as text written when the
   * part is serialised: a thousand slides' text bodies are never parsed, held as nodes and
   * written back. Only passes that read inside them pay for that (see `xml`).
   */
  replaceLater(name: string, replacements: readonly (readonly [Element, string])[]): void {
    const later = this.later.get(name) ?? [];
    for (const [old, xml] of replacements) {
      const mark = old.ownerDocument!.createProcessingInstruction(LATER, String(later.length));
      old.parentNode!.replaceChild(mark, old);
      later.push({ mark, xml });
    }
    this.later.set(name, later);
  }

  private writeNow(name: string): void {
    const later = this.later.get(name);
    if (!later) return;
    this.later.delete(name);
    // A processing instruction is replaced as an element is.
    replaceEach(later.map(({ mark, xml }) => [mark as unknown as Element, xml] as const));
  }

  /** Add or replace an XML part written by deckdown. */
  setXml(name: string, text: string): void {
    this.later.delete(name);
    this.serialised.delete(name);
    this.parts.set(name, parseXml(text, `part "${name}"`));
  }

  /**
   * Add or replace an XML part that deckdown wrote whole: kept as written but for the namespace
   * declarations it does not use, and parsed only if a pass opens it.
   */
  setText(name: string, text: string): void {
    this.setBytes(name, new TextEncoder().encode(withoutUnusedNamespaces(text)));
  }

  bytes(name: string): Uint8Array {
    const part = this.get(name);
    // The serialiser writes text as it is; a character XML cannot hold (from a theme, a template or
    // a hand-written outline) would make the part unreadable, so none is written.
    if (part instanceof Uint8Array) return part;
    // Every part is written with deckdown's own declaration, no space where it means nothing, and
    // no namespace declaration it does not use.
    let text = new XMLSerializer().serializeToString(part).replace(DECLARATION, XML_DECLARATION);
    if (ALWAYS_SERIALISED.test(name)) text = text.replace(SPACE_BETWEEN, '><');
    const later = this.later.get(name);
    if (later) text = text.replace(LATER_MARK, (_mark, index: string) => later[Number(index)]!.xml);
    return new TextEncoder().encode(withoutXmlIllegal(withoutUnusedNamespaces(text)));
  }

  setBytes(name: string, data: Uint8Array): void {
    this.later.delete(name);
    this.serialised.delete(name);
    this.parts.set(name, data);
  }

  /**
   * Write these parts out now and let their documents go. A build works slide by slide, so a
   * thousand slides' documents are never held at once; a pass that opens a part again parses it anew.
   */
  settle(names: Iterable<string>): void {
    for (const name of names) {
      const part = this.parts.get(name);
      if (part === undefined) continue;
      if (part instanceof Uint8Array) {
        // A part held as bytes is final, unless the zip is to write it anew with the serialiser.
        if (!ALWAYS_SERIALISED.test(name) || this.serialised.has(name)) this.ahead?.start(name, part);
        continue;
      }
      const bytes = this.bytes(name);
      this.setBytes(name, bytes);
      this.serialised.add(name);
      this.ahead?.start(name, bytes);
    }
  }

  /** Have settled parts deflated ahead of the zip; a part changed after it settled is deflated again. */
  deflateAhead(ahead: DeflateAhead): void {
    this.ahead = ahead;
  }

  /** Give every part the name `rename` returns for it, keeping the package order. */
  renameAll(rename: (name: string) => string): void {
    const parts = [...this.parts];
    const later = [...this.later];
    const serialised = [...this.serialised];
    this.parts.clear();
    this.later.clear();
    this.serialised.clear();
    for (const [name, part] of parts) this.parts.set(rename(name), part);
    for (const [name, elements] of later) this.later.set(rename(name), elements);
    for (const name of serialised) this.serialised.add(rename(name));
  }

  delete(name: string): void {
    this.later.delete(name);
    this.serialised.delete(name);
    this.parts.delete(name);
  }

  /**
   * The parts' final bytes in the zip's order, `[Content_Types].xml` first as Office writes it.
   * Relationships and content types are always written by the same serialiser: whether a pass
   * had to change them (when charts are renumbered, say) must not change the bytes of those it
   * did not.
   */
  private finalParts(): [string, Uint8Array][] {
    for (const name of this.names()) if (ALWAYS_SERIALISED.test(name) && !this.serialised.has(name)) this.xml(name);
    const names = this.names();
    const ordered = [...names.filter((name) => name === CONTENT_TYPES), ...names.filter((name) => name !== CONTENT_TYPES)];
    return ordered.map((name) => {
      const bytes = this.bytes(name);
      // The part is kept as the bytes it was written as: its document can go while the rest are written.
      this.setBytes(name, bytes);
      return [name, bytes];
    });
  }

  /** Zip the parts, deflating each here. */
  zip(): Uint8Array {
    return zipArchive(this.finalParts().map(([name, bytes]) => deflateEntry(name, bytes)), ZIP_ENTRY_TIME);
  }

  /**
   * Zip the parts, each deflated by what deflated the settled parts ahead, if anything did: the
   * same bytes as `zip`.
   */
  async zipAhead(): Promise<Uint8Array> {
    const { ahead } = this;
    if (!ahead) return this.zip();
    return zipArchive(await Promise.all(this.finalParts().map(([name, bytes]) => ahead.entry(name, bytes))), ZIP_ENTRY_TIME);
  }
}

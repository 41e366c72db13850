import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tsImport } from 'tsx/esm/api';
import { DeflateThread } from '../src/isolate/deflate-thread.js';
import { OpcPackage } from '../src/render/opc-package.js';
import { deflateEntry, zipArchive } from '../src/render/zip-archive.js';

/**
 * A deck's zip is written from parts deflated anywhere: in the build's thread, or on another
 * core while the build goes on. Either way its bytes are those fflate's zipSync writes.
 */

const TIME = new Date(1980, 0, 1, 12, 0, 0);
const encode = (text: string) => new TextEncoder().encode(text);
const parts: [string, Uint8Array][] = [
  ['[Content_Types].xml', encode('<?xml version="1.0"?><Types/>')],
  ['ppt/slides/slide1.xml', encode(`<p:sld>${'<a:t>Әлем. XXI ғасыр</a:t>'.repeat(200)}</p:sld>`)],
  ['ppt/media/сурет.png', Uint8Array.from({ length: 5000 }, (_, at) => (at * 7919) % 251)],
  ['docProps/empty.xml', new Uint8Array(0)],
];

describe('the zip archive', () => {
  it('is what fflate zipSync writes for the same parts, names in UTF-8 and an empty part included', () => {
    const ours = zipArchive(parts.map(([name, bytes]) => deflateEntry(name, bytes)), TIME);
    const theirs = zipSync(Object.fromEntries(parts.map(([name, bytes]) => [name, [bytes, { mtime: TIME, level: 6 }]])));
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    expect(Object.keys(unzipSync(ours))).toEqual(parts.map(([name]) => name));
  });
});

describe('deflating ahead', () => {
  const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const xml: [string, string][] = [
    ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['ppt/slides/slide1.xml', `<p:sld ${P}><p:cSld name="${'Әлем. XXI ғасыр '.repeat(100)}"/></p:sld>`],
    ['ppt/slides/slide2.xml', `<p:sld ${P}><p:cSld/></p:sld>`],
  ];

  /** A package whose slides are settled as a build settles them, one of them changed afterwards. */
  function settled(ahead?: ReturnType<DeflateThread['ahead']>) {
    const opc = new OpcPackage();
    if (ahead) opc.deflateAhead(ahead);
    for (const [name, text] of xml) opc.setXml(name, text);
    opc.setBytes('ppt/media/image1.png', parts[2]![1]);
    // A part written as bytes, never opened, is final when its slide is settled.
    opc.setText('ppt/notesSlides/notesSlide1.xml', `<p:notes ${P}><p:cSld/></p:notes>`);
    opc.settle(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/notesSlides/notesSlide1.xml']);
    // A pass opens a settled part again and changes it: what was deflated of it is stale.
    opc.xml('ppt/slides/slide2.xml').documentElement!.setAttribute('show', '0');
    return opc;
  }

  it('on another thread gives the bytes the build thread gives, a part changed after it settled included', async () => {
    const thread = new DeflateThread();
    const ahead = await settled(thread.ahead()).zipAhead();
    const here = settled().zip();
    expect(thread.fallbacks).toBe(0);
    expect(Buffer.from(ahead).equals(Buffer.from(here))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(ahead)['ppt/slides/slide2.xml'])).toContain('show="0"');
  });

  it('falls back to the build thread when the deflate thread cannot start, with the same bytes', async () => {
    const broken = new DeflateThread('no-such-worker');
    const ahead = await settled(broken.ahead()).zipAhead();
    // Every part: the thread is not started again for the parts after its failure.
    expect(broken.fallbacks).toBe(6);
    expect(Buffer.from(ahead).equals(Buffer.from(settled().zip()))).toBe(true);
  });

  it('starts its thread from source when loaded as a worker run from source loads it', async () => {
    // A build worker run from source loads deckdown's modules through tsx, with a query on their URLs.
    const module = new URL('../src/isolate/deflate-thread.ts', import.meta.url).href;
    const loaded = (await tsImport(module, import.meta.url)) as { DeflateThread: typeof DeflateThread };
    const thread = new loaded.DeflateThread();
    const ahead = await settled(thread.ahead()).zipAhead();
    expect(thread.fallbacks).toBe(0);
    expect(Buffer.from(ahead).equals(Buffer.from(settled().zip()))).toBe(true);
  });
});

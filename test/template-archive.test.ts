import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsWith } from '../src/limits.js';
import { openTemplate, TemplateError } from '../src/template/open-template.js';
import { ArchiveError, readArchive } from '../src/template/read-archive.js';
import { importTemplate } from '../src/theme/import.js';
import { loadTheme } from '../src/theme/load.js';
import { fastestRun } from './helpers/fastest-run.js';
import { templateParts } from './helpers/hostile-media.js';

const MB = 1024 * 1024;
const zeros = (bytes: number) => new Uint8Array(bytes);
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected it to be refused');
};

/** The archive with the sizes its directory and local headers declare set to `declared`, as a lying archive writes them. */
function withDeclaredSizes(archive: Uint8Array, declared: number): Uint8Array {
  const copy = archive.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, declared, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, declared, true);
  }
  return copy;
}

describe('template archives', () => {
  it('unpacks an ordinary archive', () => {
    const text = strToU8(Array.from({ length: 200_000 }, (_, index) => `<p n="${(index * 7919) % 10007}"/>`).join(''));
    const entries = readArchive(zipSync({ 'a.xml': strToU8('<a/>'), 'dir/': new Uint8Array(), 'b.bin': zeros(1000), 'c.xml': text, 'd.xml': [text, { level: 0 }] }), DEFAULT_LIMITS);
    expect([...entries.keys()]).toEqual(['a.xml', 'b.bin', 'c.xml', 'd.xml']);
    expect(entries.get('b.bin')).toEqual(zeros(1000));
    // Compared as buffers: a deep comparison of four million elements takes half a minute.
    expect(Buffer.from(entries.get('c.xml')!).equals(text)).toBe(true);
    expect(Buffer.from(entries.get('d.xml')!).equals(text)).toBe(true);
  });

  it('stops inflating a zip bomb at the expansion budget, whatever sizes it declares', () => {
    const bomb = zipSync({ 'ppt/presentation.xml': [zeros(64 * MB), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    for (const archive of [bomb, withDeclaredSizes(bomb, 10)]) {
      const error = refusal(() => readArchive(archive, DEFAULT_LIMITS));
      expect(error).toBeInstanceOf(ArchiveError);
      expect(error.message).toMatch(/^what the archive unpacks to, as a multiple of its size, at entry "ppt\/presentation\.xml", exceeds the limit of 100 \(--limit expansion-ratio=<n> raises it\)$/);
    }
    // Allowed, it unpacks.
    expect(readArchive(bomb, limitsWith({ expansionRatio: 1e6 })).get('ppt/presentation.xml')!.length).toBe(64 * MB);
  });

  it('bounds the total as well as each entry: many small entries of high ratio', () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`part${index}.xml`, [zeros(MB), { level: 9 }] as [Uint8Array, { level: 9 }]]));
    const error = refusal(() => readArchive(zipSync(files), DEFAULT_LIMITS));
    expect(error.message).toMatch(/--limit expansion-ratio=/);
  });

  it('bounds the archive size and its entry count', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`p${index}.xml`, strToU8('<p/>')])));
    expect(refusal(() => readArchive(many, limitsWith({ archiveEntries: 20 }))).message).toBe('an archive of 50 entries exceeds the limit of 20 (--limit archive-entries=<n> raises it)');
    expect(refusal(() => readArchive(many, limitsWith({ archiveBytes: 100 }))).message).toMatch(/^an archive of [\d,]+ bytes exceeds the limit of 100 \(--limit archive-bytes=<n> raises it\)$/);
  });

  it('tells what is not a zip archive from a truncated one', () => {
    expect(refusal(() => readArchive(strToU8('just text, not a zip'), DEFAULT_LIMITS)).message).toBe('it is not a zip package');
    const whole = zipSync({ 'a.xml': strToU8('<a/>'.repeat(1000)) });
    expect(refusal(() => readArchive(whole.subarray(0, whole.length - 30), DEFAULT_LIMITS)).message).toBe('the zip package is truncated: it has no central directory');
    const damaged = whole.slice();
    damaged.fill(0, 40, 60);
    expect(refusal(() => readArchive(damaged, DEFAULT_LIMITS)).message).toMatch(/^its entry "a\.xml" is damaged$|truncated or damaged/);
  });
});

describe('template parts', () => {
  const template = (parts: Record<string, Uint8Array>) => zipSync(parts);

  it('opens the hand-written template, and imports its logo by content', () => {
    const opened = openTemplate(template(templateParts()), 'corp.potx');
    expect(opened.layouts.map((layout) => layout.name)).toEqual(['Title and Content']);
    expect(importTemplate(template(templateParts()), loadTheme('default'), 'corp').logo?.extension).toBe('png');
  });

  it('refuses a part that declares a document type, so that no entity of it expands', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE p:presentation [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p:presentation>&b;</p:presentation>';
    const error = refusal(() => openTemplate(template({ ...templateParts(), 'ppt/presentation.xml': strToU8(laughs) }), 'corp.potx'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('its part "ppt/presentation.xml" declares a document type, which packages may not have');
  });

  it('refuses a part that is not well-formed, quoting none of it, in linear time', () => {
    const unclosed = `<p:sldMaster>${'<p:sp>'.repeat(200_000)}`;
    // Stored, not compressed: packed, it would be over the expansion budget first.
    const parts = { ...templateParts(), 'ppt/slideMasters/slideMaster1.xml': [strToU8(unclosed), { level: 0 }] as [Uint8Array, { level: 0 }] };
    const archive = zipSync(parts);
    expect(fastestRun(() => refusal(() => openTemplate(archive, 'corp.potx')), 5000)).toBeLessThan(5000);
    const error = refusal(() => openTemplate(archive, 'corp.potx'));
    expect(error.message).toBe('its part "ppt/slideMasters/slideMaster1.xml" is not well-formed XML');
  });

  it('takes a relationship id full of pattern characters as it is', () => {
    const embed = '(a+)+$[^';
    const parts = templateParts(embed.replace(/[&<>"]/g, ''));
    expect(importTemplate(template(parts), loadTheme('default'), 'corp').logo?.extension).toBe('png');
  });

  it('passes over a logo part that is not a picture', () => {
    const imported = importTemplate(template(templateParts('rIdLogo', strToU8('#!/bin/sh\necho not a picture\n'))), loadTheme('default'), 'corp');
    expect(imported.logo).toBeUndefined();
  });
});

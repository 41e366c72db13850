import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { HostileCase } from '../case.js';
import { brandedTemplate } from '../../helpers/branded-template.js';
import { deck } from '../samples.js';

/**
 * Templates made in PowerPoint, then damaged in ways the package format forbids: the deck that
 * names one gets a clear error at no cost, never a stack trace from a step that trusted the part.
 */
function damaged(change: (parts: Record<string, Uint8Array>, text: (name: string) => string) => void): () => Uint8Array {
  return () => {
    const parts = unzipSync(brandedTemplate());
    change(parts, (name) => strFromU8(parts[name]!));
    return zipSync(parts);
  };
}

const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const refused = (message: RegExp) => ({ exit: 1, message, at: 'deck.md:1:1' }) as const;
const onTemplate = (template: () => Uint8Array): HostileCase['files'] => ({ 'deck.md': deck('template: corp.potx'), 'corp.potx': template });

export const cases: HostileCase[] = [
  {
    name: 'a template whose content types have a default without an extension',
    files: onTemplate(damaged((parts, text) => (parts['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace(/<Default Extension="[^"]*"/, '<Default'))))),
    expect: refused(/has a Default without Extension \[invalid-template\]/),
  },
  {
    name: 'a template whose content types have an override without a part name',
    files: onTemplate(damaged((parts, text) => (parts['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace(/<Override PartName="[^"]*"/, '<Override'))))),
    expect: refused(/has a Override without PartName \[invalid-template\]/),
  },
  {
    name: 'a template relationship without a target',
    files: onTemplate(damaged((parts, text) => (parts['ppt/slideMasters/_rels/slideMaster1.xml.rels'] = strToU8(text('ppt/slideMasters/_rels/slideMaster1.xml.rels').replace(/ Target="[^"]*"/, ''))))),
    expect: refused(/has a Relationship without Target \[invalid-template\]/),
  },
  {
    name: 'a template without content types',
    files: onTemplate(damaged((parts) => delete parts['[Content_Types].xml'])),
    expect: refused(/it has no \[Content_Types\]\.xml part \[invalid-template\]/),
  },
  {
    name: 'a template master nested 20,000 elements deep',
    files: onTemplate(damaged((parts, text) => (parts[MASTER] = strToU8(text(MASTER).replace('</p:grpSpPr>', `</p:grpSpPr>${'<p:grpSp>'.repeat(20_000)}${'</p:grpSp>'.repeat(20_000)}`))))),
    expect: refused(/nests elements more than 512 deep \[invalid-template\]/),
  },
  {
    name: 'a template whose slides are zero inches wide',
    files: onTemplate(damaged((parts, text) => (parts['ppt/presentation.xml'] = strToU8(text('ppt/presentation.xml').replace(/<p:sldSz cx="\d+"/, '<p:sldSz cx="0"'))))),
    expect: refused(/slide size is outside the range PowerPoint allows \(1 to 56 inches a side\) \[invalid-template\]/),
  },
  {
    name: 'a template as it is, made in PowerPoint',
    files: onTemplate(brandedTemplate),
    expect: { exit: 0 },
  },
];

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { packageRoot } from '../package-root.js';
import type { ShippedSource } from './ship-fonts.js';

/** A package whose code or fonts are part of deckdown's published files, and its licence. */
export interface Notice {
  /** The package's name and version, and for fonts the family they are. */
  heading: string;
  /** The licence, whole, as the package ships it. */
  text: string;
}

const LICENCE_FILE = /^(licen[sc]e|copying)(\.\w+)?$/i;

interface Manifest {
  name: string;
  version: string;
  license?: string;
  /** The old form some packages still use. */
  licenses?: { type: string }[];
}

function manifest(packageDir: string): { name: string; version: string; license: string } {
  const { name, version, license, licenses } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  return { name, version, license: license ?? licenses?.map((entry) => entry.type).join(' OR ') ?? 'no licence named' };
}

function licenceText(packageDir: string, file = readdirSync(packageDir).find((name) => LICENCE_FILE.test(name))): string {
  if (file) return readFileSync(join(packageDir, file), 'utf8').trim();
  return `${manifest(packageDir).license} (the package ships no licence text)`;
}

/** The folders of the packages that have code in the bundle, from the bundler's record of what went in. */
export function bundledPackages(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match && bytesInOutput > 0) dirs.add(join(packageRoot, match[1]!));
    }
  }
  return [...dirs];
}

/** Every notice: the bundled code's licences by package name, then the shipped fonts' own. */
export function notices(packageDirs: readonly string[], fonts: readonly ShippedSource[]): Notice[] {
  const code = packageDirs
    .map((dir) => ({ dir, ...manifest(dir) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ dir, name, version, license }) => ({ heading: `${name} ${version} (${license})`, text: licenceText(dir) }));
  // A font package's own licence covers its code; its fonts have theirs in LICENSE_FONT.
  const typefaces = fonts.map(({ family, packageDir }) => {
    const { name, version } = manifest(packageDir);
    return { heading: `${family}: fonts from ${name} ${version}`, text: licenceText(packageDir, 'LICENSE_FONT') };
  });
  return [...code, ...typefaces];
}

/** The notices as one text file, a section each. */
export function noticesText(list: readonly Notice[]): string {
  const sections = list.map((item) => `## ${item.heading}\n\n${item.text}\n`);
  return `# Third-party licences\n\nThe published deckdown bundles the code of these packages and ships these fonts.\n\n${sections.join('\n')}`;
}

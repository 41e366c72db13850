import type { Definition, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Limits } from '../limits.js';
import type { Footnotes } from './footnotes.js';
import type { ResourceRoot } from '../resources/policy.js';

/** What the converters share while one document becomes a deck. */
export interface Context {
  file: VFile;
  /** Where relative image paths are resolved: the source file's directory. */
  baseDir: string;
  /** The folder pictures must be inside; see `ResourceRoot`. */
  root: ResourceRoot;
  footnotes: Footnotes;
  /** Link and image reference definitions, by identifier. */
  definition: (identifier: string) => Definition | undefined;
  /** `:::notes` met inside other constructs, collected for the slide being built. */
  notes: RootContent[];
  /** The deck's language: chart cells are read the way it writes numbers. */
  lang: string;
  /** Budgets of the build. */
  limits: Limits;
}

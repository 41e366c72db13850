import { closest, distance } from 'fastest-levenshtein';

export const USAGE = `Usage: deckdown <command> [options]

Commands:
  build <input…>               build a .pptx for each input (deckdown talk.md is short for it)
  check <input…>               report problems in the input, write nothing
  preview <input…> -o dir/     render each deck through LibreOffice: one PNG per slide and a contact sheet
  themes                       list the built-in themes
  theme import <template.potx|pptx> -o theme.json
                               make a theme from a PowerPoint template's colours, fonts, size and logo
  fonts [--theme X] [--install]
                               list the font files themes are measured with; --install copies them
                               where LibreOffice and other applications find them
  help <command>               show the options of one command

An input is a Markdown file, a deck outline (.json), a folder of Markdown files, or - for stdin.

  -h, --help                   show this help (deckdown <command> --help: that command's)
  -v, --version                show the version

Exit codes: 0 success, 1 problems in the input, 2 usage errors, 130/143 interrupted.
`;

const DECK_OPTIONS = `  -t, --theme <name|path>      a built-in theme or a theme file; overrides the front matter
      --reference-doc <file>   build on a PowerPoint template (.pptx or .potx): its masters,
                               layouts and theme; overrides the front matter's template:
      --limit <name=value>     raise or lower a budget, such as input-bytes=20M or slides=500;
                               repeatable (names: input-bytes, depth, slides, table-cells,
                               chart-points, image-pixels, svg-bytes, svg-elements, svg-depth,
                               archive-bytes, archive-entries, expansion-ratio, heap-bytes,
                               build-seconds)
      --allow-outside-root     let the deck and its theme read files outside the project folder`;

const REPORT_OPTIONS = `      --json                   print the fitting report (sizes, continuations, messages) as JSON
      --strict                 exit 1 on any warning or any slide that continued onto another`;

const INPUTS = `An input is a Markdown file (.md, .markdown), a deck outline (.json), a folder (its .md and
.markdown files, not those in subfolders, and not README.md), or - for Markdown on stdin (its
pictures and theme paths are relative to the working directory).`;

/** Each command's own help, as `deckdown help <command>` and `deckdown <command> --help` print it. */
export const COMMAND_HELP = {
  build: `Usage: deckdown build <input…> [options]
       deckdown <file.md|folder|-> [options]

Build a .pptx for each input.

${INPUTS}

Options:
  -o, --output <path>          a .pptx file (one input), a folder (default: next to each input),
                               or - to write the deck to stdout (messages go to stderr)
      --outline <path>         also write the outline as JSON (a .json file for one input, or a folder)
  -w, --watch                  build again whenever an input or a file it names (theme, pictures,
                               template) changes, or a deck is saved in an input folder; a source
                               with errors keeps the last good deck; Ctrl-C stops
${DECK_OPTIONS}
${REPORT_OPTIONS}
`,
  check: `Usage: deckdown check <input…> [options]

Report problems in the input and how each slide fits; write nothing.

${INPUTS}

Options:
${DECK_OPTIONS}
${REPORT_OPTIONS}
`,
  preview: `Usage: deckdown preview <input…> -o <folder> [options]

Build each deck and render it through LibreOffice: one PNG per slide and a contact sheet, in
the folder. Needs LibreOffice and poppler-utils.

${INPUTS}

Options:
  -o, --output <folder>        where the pictures go (required)
${DECK_OPTIONS}
`,
  themes: `Usage: deckdown themes

List the built-in themes.
`,
  theme: `Usage: deckdown theme import <template.potx|pptx> -o <theme.json|theme.yaml>

Make a theme from a PowerPoint template's colours, fonts, slide size and logo. The logo, if
any, is written beside the theme file.
`,
  fonts: `Usage: deckdown fonts [--theme <name|path|template.pptx>] [--install]

List the font files text is measured with: those of every built-in theme and the stand-ins for
Office fonts, or those of the one theme (or PowerPoint template) given.

Options:
  -t, --theme <name|path>      one built-in theme, a theme file, or a .pptx/.potx template
      --install                copy the files where LibreOffice and other applications find them
      --allow-outside-root     let the theme name font files outside its project folder
`,
  help: `Usage: deckdown help [command]

Show the commands, or the options of one command.
`,
} as const;

export type Command = keyof typeof COMMAND_HELP;

export const COMMANDS = Object.keys(COMMAND_HELP) as Command[];

export function isCommand(word: string | undefined): word is Command {
  return word !== undefined && (COMMANDS as string[]).includes(word);
}

/** Further than this, a guess would be noise. */
const SUGGESTION_DISTANCE = 2;

/** `; did you mean "build"?` for a command mistyped by a letter or two, else nothing. */
export function suggestCommand(word: string): string {
  const suggestion = closest(word, COMMANDS);
  return distance(word, suggestion) <= SUGGESTION_DISTANCE && word.length > SUGGESTION_DISTANCE ? `; did you mean "${suggestion}"?` : '';
}

/** A mistake in the command line: reported with the usage hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose help the hint points to. */
  readonly command: Command | undefined;
  constructor(message: string, command?: Command) {
    super(message);
    this.command = command;
  }
}

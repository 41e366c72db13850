export const USAGE = `Usage: deckdown <command> [options]

Commands:
  build <file.md|deck.json…>   build a .pptx for each input
  check <file.md|deck.json>    report problems in the input, write nothing
  themes                       list the built-in themes

Options for build:
  -o, --output <path>          a .pptx file (one input) or a directory (default: next to each input)
  -t, --theme <name|path>      a built-in theme or a theme file; overrides the front matter
      --outline <path>         also write the outline as JSON (a .json file for one input, or a directory)

Options for check:
  -t, --theme <name|path>      check with this theme

  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 success, 1 problems in the input, 2 usage errors.
`;

/** A mistake in the command line: reported with the usage hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

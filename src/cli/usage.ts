export const USAGE = `Usage: deckdown <command> [options]

Commands:
  build <file.md|deck.json…>   build a .pptx for each input (deckdown talk.md is short for it)
  check <file.md|deck.json>    report problems in the input, write nothing
  preview <file.md…> -o dir/   render each deck through LibreOffice: one PNG per slide and a contact sheet
  themes                       list the built-in themes
  theme import <template.potx|pptx> -o theme.json
                               make a theme from a PowerPoint template's colours, fonts, size and logo
  fonts [--theme X] [--install]
                               list the font files every built-in theme (or theme X, or the
                               .pptx/.potx template X) is measured with; --install copies them
                               where LibreOffice and other applications find them

Options for build:
  -o, --output <path>          a .pptx file (one input) or a directory (default: next to each input)
      --outline <path>         also write the outline as JSON (a .json file for one input, or a directory)

Options for build, check and preview:
  -t, --theme <name|path>      a built-in theme or a theme file; overrides the front matter
      --reference-doc <file>   build on a PowerPoint template (.pptx or .potx): its masters,
                               layouts and theme; overrides the front matter's template:
      --json                   print the fitting report (sizes, continuations, messages) as JSON
      --strict                 exit 1 when any slide had to continue onto another slide

  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 success, 1 problems in the input, 2 usage errors.
`;

/** A mistake in the command line: reported with the usage hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

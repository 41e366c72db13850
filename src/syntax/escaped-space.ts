import type { Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension as MicromarkExtension, State } from 'micromark-util-types';
import type { Processor } from 'unified';

const BACKSLASH = 92;
const SPACE = 32;
const NO_BREAK_SPACE = '\u00A0';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    escapedSpace: 'escapedSpace';
  }
}

/** `\ `: a backslash and a space, one token. */
function tokenizeEscapedSpace(effects: Effects, ok: State, nok: State): State {
  return (code: Code) => {
    effects.enter('escapedSpace');
    effects.consume(code);
    return (next: Code) => {
      if (next !== SPACE) return nok(next);
      effects.consume(next);
      effects.exit('escapedSpace');
      return ok;
    };
  };
}

const syntax: MicromarkExtension = { text: { [BACKSLASH]: { name: 'escapedSpace', tokenize: tokenizeEscapedSpace } } };

/** The escaped space joins the text around it as one no-break space. */
const fromMarkdown: FromMarkdownExtension = {
  enter: {
    escapedSpace(this: CompileContext, token: Token) {
      this.config.enter['data']!.call(this, token);
    },
  },
  exit: {
    escapedSpace(this: CompileContext, token: Token) {
      const text = this.stack.pop() as Text;
      text.value += NO_BREAK_SPACE;
      text.position!.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
    },
  },
};

/**
 * pandoc's escaped space: a backslash before a space is a no-break space (`25\ cm`,
 * `c~NaOH\ stock~`), where CommonMark keeps both characters. In code and maths it stays as
 * written: their constructs read their text first.
 */
export function remarkEscapedSpace(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(syntax);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}

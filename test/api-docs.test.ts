import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every name the package exports, type or value, has a doc comment that editors show on hover. */
describe('the public API', () => {
  it('documents every export', () => {
    const entry = new URL('../src/index.ts', import.meta.url).pathname;
    const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
    expect(exports.length).toBeGreaterThan(50);
    const undocumented = exports.filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return symbol.getDocumentationComment(checker).length === 0;
    });
    expect(undocumented.map((symbol) => symbol.name)).toEqual([]);
  }, 60_000);
});

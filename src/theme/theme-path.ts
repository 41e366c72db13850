/** A value names a file rather than a built-in theme when it looks like a path. */
export function isThemePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.(json|ya?ml)$/i.test(value);
}

/** A file-system failure (unreadable input, output path that is a folder…) as one line, not a stack trace. */
export class FileError extends Error {
  override name = 'FileError';
}

/** A file-system action, its failure a FileError that says which action failed. */
export function attempt<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new FileError(`cannot ${action}: ${(error as Error).message}`);
    throw error;
  }
}

/** The CLI's exit codes: done, the input is wrong (or could not be built), the command line is wrong. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/**
 * The milliseconds of the fastest of up to three runs of `work`, stopping at the first run under
 * `boundMs`. These bounds guard against quadratic or exponential forms, which take minutes where
 * the linear ones take a second or two. A machine busy with other tests (LibreOffice beside the
 * parser on two cores) can stretch one linear run past its bound; it does not stretch three, and a
 * quadratic form is never fast.
 */
export function fastestRun(work: () => unknown, boundMs: number, tries = 3): number {
  let fastest = Infinity;
  for (let tried = 0; tried < tries && fastest >= boundMs; tried += 1) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The earliest time a zip entry can hold; used when nothing else gives a date. */
export const DEFAULT_BUILD_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * The one timestamp written into a deck. It comes from the front matter's date when that is
 * an ISO date, else from SOURCE_DATE_EPOCH (reproducible-builds.org), else a fixed date:
 * never the wall clock, so two builds of the same input are byte-identical.
 */
export function resolveBuildDate(metaDate: string | undefined, sourceDateEpoch: string | undefined): Date {
  if (metaDate && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(metaDate.trim())) {
    const text = metaDate.trim().replace(' ', 'T');
    // A date or time without a zone is taken as UTC, so the result never depends on the machine's zone.
    const parsed = new Date(text.length === 10 ? `${text}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed >= DEFAULT_BUILD_DATE) return parsed;
  }
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) {
    const parsed = new Date(Number(sourceDateEpoch) * 1000);
    if (parsed >= DEFAULT_BUILD_DATE) return parsed;
  }
  return DEFAULT_BUILD_DATE;
}

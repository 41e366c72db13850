export interface RetryOptions {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

// #region jitter
export function delayFor(attempt: number, opts: RetryOptions): number {
  const exponential = opts.baseDelayMs * 2 ** attempt
  const capped = Math.min(exponential, opts.maxDelayMs)
  return Math.random() * capped
}
// #endregion jitter

export async function withRetry<T>(task: () => Promise<T>, opts: RetryOptions): Promise<T> {
  let lastError: unknown
  for (let attempt = 0; attempt < opts.attempts; attempt++) {
    try {
      return await task()
    }
    catch (error) {
      lastError = error
      await new Promise(resolve => setTimeout(resolve, delayFor(attempt, opts)))
    }
  }
  throw lastError
}

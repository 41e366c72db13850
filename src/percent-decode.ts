/** `%20` and friends decoded, as a browser reads a link; text that is not valid percent-encoding stays as written. */
export function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

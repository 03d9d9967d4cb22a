/** What a log needs from a thrown value: an Error's stack (or message), anything else as a string. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

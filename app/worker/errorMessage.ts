/** Whatever was thrown, in words for an 'error' event. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

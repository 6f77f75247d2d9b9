/** "Go to step": the digits typed so far, as the deck shows them, e.g. "Go to step 12_". */
export function jumpPrompt(typed: string): string {
  return `Go to step ${typed}_`;
}

export type JumpTarget = { index: number } | { error: string };

/** The step (0-based) that typed digits name, counted from 1 as on screen ("007" is 7); or why there is none. */
export function jumpTarget(typed: string, total: number): JumpTarget {
  const n = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= total) return { index: n - 1 };
  const asked = Number.isNaN(n) ? `“${typed}”` : String(n);
  return { error: `There is no step ${asked}: the steps are 1 to ${total}.` };
}

/**
 * `{ ...defaults, ...options }`, except that options explicitly set to `undefined` keep the default
 * (so `{ lr: undefined }` from a form or a parsed URL means "the default", not "no value").
 */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
  return out as D & O;
}

/**
 * The engine's one error type. Every bad input is reported with a message that names the problem
 * (a shape mismatch, m = 1 in training mode, a non-finite hyperparameter), never as a silent NaN.
 */
export type EngineErrorCode =
  | 'shape'
  | 'batch-size'
  | 'hyperparameter'
  | 'label'
  | 'dataset'
  | 'config'
  /** An argument outside the range a deterministic math function (detMath, detTrig) supports. */
  | 'range';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** Throws unless `value` is a finite number (optionally within [min, max]). */
export function checkFinite(name: string, value: number, min = -Infinity, max = Infinity): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineError('hyperparameter', `${name} must be a finite number, got ${String(value)}`);
  }
  if (value < min || value > max) {
    throw new EngineError('hyperparameter', `${name} must be in [${min}, ${max}], got ${value}`);
  }
}

/** Throws unless `value` is an integer ≥ min. */
export function checkInteger(name: string, value: number, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    throw new EngineError('config', `${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

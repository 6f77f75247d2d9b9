import { enumRow, numberRow } from '../url/rows';

/**
 * The batch-norm knobs' URL rows (see ../url/table.ts). Ranges cover the section sliders, and γ and β go
 * wider: section 8's identity undo sets γ = √(σ² + ε) and β = μ, which reach ±50 with dragged points
 * (points lie in [−50, 50]), and a link to that state must reproduce it exactly.
 */
export const BN_URL = [
  numberRow('eps', { default: 1e-5, min: 0, max: 1 }),
  numberRow('gamma', { default: 1, min: -60, max: 60 }),
  numberRow('beta', { default: 0, min: -60, max: 60 }),
  numberRow('bias', { default: 0, min: -10, max: 10 }),
  enumRow('placement', { default: 'before', values: ['before', 'after'] }),
  numberRow('k', { default: 1, min: 0.01, max: 100 }),
  enumRow('mode', { default: 'train', values: ['train', 'eval'] }),
  numberRow('momentum', { default: 0.1, min: 0.01, max: 1 }),
  numberRow('netSteps', { param: 'net-steps', default: 0, min: 0, max: 60, integer: true }),
] as const;

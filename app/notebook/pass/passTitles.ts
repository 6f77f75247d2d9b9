/**
 * The titles of the forward and backward passes' steps (sections 11–12), apart from the TeX builders:
 * the presentation deck lists them on first load, while the passes' code loads with their sections.
 */

/** Titles of the forward pass, in order (the step list, the stepper, presentation mode). */
export const FORWARD_TITLES = [
  'The batch X and labels Y',
  'Z₁ = W₁X',
  'Normalize: Z₁norm',
  'Scale and shift: Z̃₁',
  'A₁ = ReLU(Z̃₁)',
  'Z₂ = W₂A₁',
  'Normalize: Z₂norm',
  'Scale and shift: Z̃₂',
  'A₂ = softmax(Z̃₂)',
  'The loss',
] as const;

/** Titles of the backward pass, in order (the step list, the stepper, presentation mode). */
export const BACKWARD_TITLES = [
  '∂L/∂Z̃₂ = (A₂ − Y)/m',
  '∂L/∂γ₂',
  '∂L/∂β₂',
  '∂L/∂Z₂, exact vs simplified',
  '∂L/∂W₂',
  '∂L/∂Z̃₁ through W₂ and ReLU',
  '∂L/∂γ₁',
  '∂L/∂β₁',
  '∂L/∂Z₁, exact vs simplified',
  '∂L/∂W₁',
] as const;

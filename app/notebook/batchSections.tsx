import type { ComponentType } from 'react';
import type { SectionDef } from './registry';
import type { SlideProps } from './shared/slide';
import { Batch } from './batch/Batch';
import { Mean } from './mean/Mean';
import { lazySection } from './lazySection';
import './shared/batch.css';

// Sections 2–3 are on the first screen; 4–10 arrive as one chunk after it (heights: see lazySection).
const later = () => import('./batchLater');
const Centering = lazySection('Centering', () => later().then((m) => m.Centering), 1150);
const Variance = lazySection('Variance', () => later().then((m) => m.Variance), 2050);
const OnePassVarianceSlide = lazySection('OnePassVarianceSlide', () => later().then((m) => m.OnePassVarianceSlide), 500);
const Normalize = lazySection('Normalize', () => later().then((m) => m.Normalize), 1200);
const GammaBeta = lazySection('GammaBeta', () => later().then((m) => m.GammaBeta), 1450);
const Identity = lazySection('Identity', () => later().then((m) => m.Identity), 1000);
const Bias = lazySection('Bias', () => later().then((m) => m.Bias), 1050);
const Placement = lazySection('Placement', () => later().then((m) => m.Placement), 1200);

/** The section's equation and live panel alone: its step in presentation mode. */
function asSlide(Section: ComponentType<SlideProps>): ComponentType {
  const Slide = () => <Section slide />;
  Slide.displayName = `${Section.displayName ?? Section.name}Slide`;
  return Slide;
}

/** Sections 2–10: the shared mini-batch, from μ to the placement of BN. */
export const BATCH_SECTIONS: SectionDef[] = [
  { id: 'batch', number: 2, title: 'A mini-batch', Component: Batch, steps: [{ id: 'batch', title: 'Z = [z₁ … zₘ], one neuron, m samples', Component: asSlide(Batch) }] },
  { id: 'mean', number: 3, title: 'μ, the batch mean', Component: Mean, steps: [{ id: 'mean', title: 'μ = (1/m) Σ zᵢ', Component: asSlide(Mean) }] },
  { id: 'centering', number: 4, title: 'Centering: z − μ', Component: Centering, steps: [{ id: 'centering', title: 'zᵢ − μ', Component: asSlide(Centering) }] },
  {
    id: 'variance',
    number: 5,
    title: 'σ², the batch variance',
    Component: Variance,
    steps: [
      { id: 'variance', title: 'σ² = (1/m) Σ (zᵢ − μ)²', Component: asSlide(Variance) },
      { id: 'variance-one-pass', title: 'Why not σ² = E[z²] − μ²?', Component: OnePassVarianceSlide },
    ],
  },
  { id: 'normalize', number: 6, title: 'Normalizing: Z_norm', Component: Normalize, steps: [{ id: 'normalize', title: 'Z_norm = (z − μ)/√(σ² + ε)', Component: asSlide(Normalize) }] },
  { id: 'gamma-beta', number: 7, title: 'γ and β: scale and shift', Component: GammaBeta, steps: [{ id: 'gamma-beta', title: 'Z̃ = γ·Z_norm + β', Component: asSlide(GammaBeta) }] },
  { id: 'identity', number: 8, title: 'The identity undo', Component: Identity, steps: [{ id: 'identity', title: 'γ = √(σ² + ε), β = μ ⇒ Z̃ = Z', Component: asSlide(Identity) }] },
  { id: 'bias', number: 9, title: 'The bias is redundant', Component: Bias, steps: [{ id: 'bias', title: 'BN(z + b) = BN(z), ∂L/∂b = 0', Component: asSlide(Bias) }] },
  { id: 'placement', number: 10, title: 'Before or after the activation', Component: Placement, steps: [{ id: 'placement', title: 'ReLU(BN(z)) or BN(ReLU(z))?', Component: asSlide(Placement) }] },
];

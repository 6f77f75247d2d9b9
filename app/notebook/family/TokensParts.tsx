import { useMemo } from 'react';
import { sliderProps } from '../../state/props';
import { FAMILY_PROPS } from '../../state/slices/family';
import { useAppState } from '../../state/store';
import { Slider } from '../../ui/Slider';
import { fmt } from '../../ui/format';
import { delta } from './FamilyParts';
import { TOKEN_FEATURES, tokensPass } from './tokensView';

/** LayerNorm and RMSNorm per token: a [T × d] matrix, each row normalized alone; token 1's output does not depend on T. */
export function TokensExample({ compact = false }: { compact?: boolean }) {
  const T = useAppState((s) => s.famTokens);
  const seed = useAppState((s) => s.famSeed);
  const set = useAppState((s) => s.setFamily);
  const p = useMemo(() => tokensPass(seed, T), [seed, T]);
  const d = TOKEN_FEATURES;
  return (
    <div data-testid="fam-tokens">
      <Slider {...sliderProps(FAMILY_PROPS.famTokens)} label="Tokens in the sequence, T" value={T} onChange={(v) => set({ famTokens: v })} testId="fam-tokens-value" />
      {!compact && (
        <div className="numbers-scroll" role="region" aria-label={`The ${T} tokens, ${d} features each, and each token's statistics`} tabIndex={0}>
          <table className="numbers">
            <caption>
              {T} tokens × {d} features (seeded), and each token&apos;s own statistics
            </caption>
            <thead>
              <tr>
                <th scope="col">token</th>
                {Array.from({ length: d }, (_, j) => (
                  <th key={j} scope="col">
                    x<sub>{j + 1}</sub>
                  </th>
                ))}
                <th scope="col">μ (LN)</th>
                <th scope="col">σ² (LN)</th>
                <th scope="col">RMS</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: T }, (_, t) => (
                <tr key={t}>
                  <th scope="row">{t + 1}</th>
                  {Array.from({ length: d }, (_, j) => (
                    <td key={j}>{fmt(p.x[t * d + j], 2)}</td>
                  ))}
                  <td>{fmt(p.mean[t], 3)}</td>
                  <td>{fmt(p.variance[t], 3)}</td>
                  <td>{fmt(p.rms[t], 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p data-testid="fam-tokens-delta">
        Token 1&apos;s output with {T} tokens against token 1 alone: LayerNorm <strong className="num">{delta(p.lnDelta)}</strong>, RMSNorm{' '}
        <strong className="num">{delta(p.rmsDelta)}</strong>. BatchNorm over the tokens (per feature, over the sequence) would change token 1&apos;s output by up to{' '}
        <strong className="num">{delta(p.bnDelta)}</strong> between 2 tokens and {T}.
      </p>
    </div>
  );
}

const USES: readonly { norm: string; where: string; why: string }[] = [
  { norm: 'BatchNorm', where: 'CNNs for image classification, trained with enough images per GPU (e.g. 32; Ioffe & Szegedy 2015; the ResNets)', why: 'With many images per batch its statistics over (N, H, W) are accurate, and at inference the running statistics make it a fixed affine map that can be folded into the convolution before it.' },
  { norm: 'GroupNorm', where: 'Detection and segmentation, where memory leaves 1 or 2 images per GPU (Wu & He 2018, Mask R-CNN on COCO)', why: 'Its statistics are per sample over (C/G, H, W), so its computation does not depend on the batch size and train and test compute the same thing; in Wu & He’s Fig. 1 (ResNet-50, ImageNet) its error stays ≈ 24 % from 32 down to 2 images per GPU, while BN’s rises from 23.6 % to 34.7 %.' },
  { norm: 'LayerNorm', where: 'Transformers (Vaswani et al. 2017, “Add & Norm”) and recurrent networks (Ba et al. 2016)', why: 'Each token is normalized over its own features: independent of the batch and of the sequence length; in an RNN, computed from the current time step alone, with one gain and bias shared across time steps (Ba et al. 2016, §3.1).' },
  { norm: 'RMSNorm', where: 'Many recent Transformers, e.g. LLaMA (Touvron et al. 2023)', why: 'It drops LayerNorm’s re-centring and keeps only re-scaling invariance, which Zhang & Sennrich (2019) argue is what matters; it is cheaper (it cut running time by 7–64 % in their tests) and performed comparably. LLaMA applies it to each sub-layer’s input (pre-normalization).' },
  { norm: 'InstanceNorm', where: 'Style transfer (Ulyanov et al. 2016)', why: 'Each channel of each image is normalized on its own, removing that image’s contrast, which the stylized output should not depend on; it is applied at test time too.' },
];

/** Where each normalization is used, one sentence each on why (with the paper). */
export function UsageTable() {
  return (
    <div className="numbers-scroll" role="region" aria-label="Where each normalization is used, and why" tabIndex={0}>
      <table className="numbers fam-uses" data-testid="fam-uses">
        <caption>Where each is used, and why</caption>
        <thead>
          <tr>
            <th scope="col">normalization</th>
            <th scope="col">used in</th>
            <th scope="col">why</th>
          </tr>
        </thead>
        <tbody>
          {USES.map((u) => (
            <tr key={u.norm}>
              <th scope="row">{u.norm}</th>
              <td>{u.where}</td>
              <td>{u.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

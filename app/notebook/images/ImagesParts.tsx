import { FASHION_CLASS_NAMES } from '../../../src/fashion';
import { sectionNumber } from '../../outline';
import { sliderProps } from '../../state/props';
import { IMAGES_PROPS, IMG_BETA_RANGE, IMG_GAMMA_RANGE } from '../../state/slices/images';
import { useAppState } from '../../state/store';
import { NumberField } from '../../ui/NumberField';
import { Slider } from '../../ui/Slider';
import { fmt } from '../../ui/format';
import { BlockGrid } from './BlockGrid';
import { type ImagesPass, absMax, batchNormSet, blockShape, channelTable, mFormula, setSize } from './imagesView';
import type { ImagesLoad } from './useImagesPass';

/** The batch's size, the convolution's channels and kernel, and the seed: each change is a new engine pass. */
export function ImagesSettingsControls({ seed = true }: { seed?: boolean }) {
  const n = useAppState((s) => s.imgN);
  const c = useAppState((s) => s.imgC);
  const k = useAppState((s) => s.imgK);
  const s0 = useAppState((s) => s.imgSeed);
  const set = useAppState((s) => s.setImages);
  return (
    <div className="controls">
      <Slider {...sliderProps(IMAGES_PROPS.imgN)} label="Images in the batch, n" value={n} onChange={(v) => set({ imgN: v })} testId="img-n-value" />
      <Slider {...sliderProps(IMAGES_PROPS.imgC)} label="Output channels of the convolution, C" value={c} onChange={(v) => set({ imgC: v })} testId="img-c-value" />
      <Slider {...sliderProps(IMAGES_PROPS.imgK)} label="Kernel size k" value={k} onChange={(v) => set({ imgK: v })} format={(v) => `${v} × ${v}`} testId="img-k-value" />
      {seed && <NumberField label="Seed (images and weights)" value={s0} min={0} max={2 ** 32 - 1} onChange={(v) => set({ imgSeed: v })} />}
    </div>
  );
}

/** Which channel's set is highlighted, and which image's map is shown before and after BN. */
export function ImagesPickControls({ pass, channel, sample, image = true }: { pass: ImagesPass; channel: number; sample: number; image?: boolean }) {
  const set = useAppState((s) => s.setImages);
  const [n, c] = pass.z.shape;
  return (
    <div className="controls">
      <Slider label="Channel highlighted" value={channel + 1} min={1} max={c} step={1} onChange={(v) => set({ imgChannel: v - 1 })} testId="img-ch-value" />
      {image && <Slider label="Image shown before and after BN" value={sample + 1} min={1} max={n} step={1} onChange={(v) => set({ imgSample: v - 1 })} testId="img-sample-value" />}
    </div>
  );
}

/** γ_c and β_c of the chosen channel: one pair per channel, each kept when another channel is chosen; with `sample`, also which image's map the pair below shows. */
export function GammaBetaControls({ pass, channel, sample }: { pass: ImagesPass; channel: number; sample?: number }) {
  const gamma = useAppState((s) => s.imgGamma);
  const beta = useAppState((s) => s.imgBeta);
  const set = useAppState((s) => s.setImages);
  const put = (points: Readonly<Record<number, number>>, v: number, neutral: number) => {
    const next: Record<number, number> = { ...points };
    if (v === neutral) delete next[channel];
    else next[channel] = v;
    return next;
  };
  return (
    <div className="controls">
      <Slider label={`γ of channel ${channel + 1}`} {...IMG_GAMMA_RANGE} step={0.05} value={pass.gamma[channel]} onChange={(v) => set({ imgGamma: put(gamma, v, 1) })} format={(v) => fmt(v, 3)} testId="img-gamma-value" />
      <Slider label={`β of channel ${channel + 1}`} {...IMG_BETA_RANGE} step={0.05} value={pass.beta[channel]} onChange={(v) => set({ imgBeta: put(beta, v, 0) })} format={(v) => fmt(v, 3)} testId="img-beta-value" />
      {sample !== undefined && (
        <Slider label="Image shown before and after BN" value={sample + 1} min={1} max={pass.z.shape[0]} step={1} onChange={(v) => set({ imgSample: v - 1 })} testId="img-sample-value" />
      )}
    </div>
  );
}

/** Loading, a failed load (with Retry), or a setting the engine refused: said in words. */
export function ImagesStatus({ load, retry }: { load: ImagesLoad; retry: () => void }) {
  if (load.status === 'ready') return null;
  if (load.status === 'error') {
    return (
      <p className="notice" role="alert" data-testid="img-status">
        The images could not be loaded: {load.message}{' '}
        <button type="button" onClick={retry}>
          Retry
        </button>
      </p>
    );
  }
  if (load.status === 'refused') return <p className="notice" role="alert" data-testid="img-status">The engine refused these settings: {load.message}</p>;
  return <p className="progress" data-testid="img-status">Loading the Fashion-MNIST images…</p>;
}

/** The block n × C × h × w, with the chosen channel's set (all samples, all positions) outlined. */
export function ImagesBlock({ pass, channel, maxHeight = 560, compact = false }: { pass: ImagesPass; channel: number; maxHeight?: number; compact?: boolean }) {
  const [n, c, h, w] = pass.z.shape;
  const set = batchNormSet(n, c, channel, h, w);
  const title = `The block z: n × C × h × w = ${blockShape(pass.z)}`;
  return (
    <BlockGrid
      z={pass.z}
      x={pass.x}
      set={set}
      r={absMax(pass.z.data)}
      label={`${title}. Rows: the ${n} ${n === 1 ? 'image' : 'images'}; columns: the ${c} channels. Outlined: ${set.label}, ${setSize(set, h, w).toLocaleString('en')} values`}
      title={title}
      caption={
        compact ? (
          <>
            Outlined: channel {channel + 1}&apos;s set, all {n} × {h}·{w} values.
          </>
        ) : (
        <>
          Rows: images (the garment on the left); columns: channels. Outlined: channel {channel + 1}&apos;s set, all {n} {n === 1 ? 'image' : 'images'} × all {h}·{w} positions. One
          colour scale for the whole block, −{fmt(absMax(pass.z.data), 3)} (blue) … 0 (white) … {fmt(absMax(pass.z.data), 3)} (red)
          {c > 1 ? ': channels differ in level and spread, and each is normalized by its own μ and σ².' : '.'}
        </>
        )
      }
      data={() => channelTable(pass)}
      config={{ ...pass.settings, padding: pass.padding, eps: pass.eps }}
      maxHeight={maxHeight}
    />
  );
}

/** The garments in the batch, in words (the grid's first column shows them). */
export function GarmentList({ pass }: { pass: ImagesPass }) {
  return (
    <p className="table-note" data-testid="img-garments">
      The batch: {pass.labels.map((l, i) => `${i + 1}. ${FASHION_CLASS_NAMES[l]}`).join(', ')} (training {pass.indices.length === 1 ? 'image' : 'images'} {pass.indices.map((r) => r + 1).join(', ')} of the subset).
    </p>
  );
}

/** m written out, and the chosen channel's μ_c and σ²_c from the engine. */
export function ChannelStats({ pass, channel, m = true, stats = true }: { pass: ImagesPass; channel: number; m?: boolean; stats?: boolean }) {
  const [n, , h, w] = pass.z.shape;
  return (
    <div className="img-stats">
      {m && (
      <p data-testid="img-m">
        Channel {channel + 1}&apos;s statistics are taken over <strong className="num">{mFormula(n, h, w, pass.m)}</strong> values.
      </p>
      )}
      {stats && (
        <p data-testid="img-stats">
          μ<sub>{channel + 1}</sub> = <strong className="num">{fmt(pass.mean[channel], 4)}</strong>, σ²<sub>{channel + 1}</sub> ={' '}
          <strong className="num">{fmt(pass.variance[channel], 4)}</strong> (BatchNorm2d in train mode; σ² divides by m, not m − 1: the biased variance PyTorch normalizes with; only its running variance uses m − 1).
        </p>
      )}
    </div>
  );
}

/**
 * What BN did to the chosen channel: over its n·h·w values, mean β_c (up to rounding) and variance
 * γ_c²·σ²_c/(σ²_c + ε), just under γ_c² because of ε (exactly 0 when γ_c = 0).
 */
export function AfterStats({ pass, channel, compact = false }: { pass: ImagesPass; channel: number; compact?: boolean }) {
  const c = <sub>{channel + 1}</sub>;
  const gamma = pass.gamma[channel];
  const mean = pass.meanAfter[channel];
  const tiny = mean !== 0 && Math.abs(mean) < 1e-12 && pass.beta[channel] === 0;
  if (compact)
    return (
      <p data-testid="img-after">
        After BN: mean <strong className="num">{tiny ? '≈ 0' : fmt(mean, 4)}</strong> = β{c}, variance <strong className="num">{fmt(pass.varianceAfter[channel], 6)}</strong> ={' '}
        γ{c}²·σ²{c}/(σ²{c} + ε){gamma === 0 ? '.' : <>, just under γ{c}².</>}
      </p>
    );
  return (
    <p data-testid="img-after">
      After BN, channel {channel + 1}&apos;s values have mean <strong className="num">{tiny ? `≈ 0 (${fmt(mean, 2)})` : fmt(mean, 4)}</strong> = β{c}{' '}
      (up to rounding) and variance <strong className="num">{fmt(pass.varianceAfter[channel], 6)}</strong> = γ{c}²·σ²{c}/(σ²{c} + ε) with γ{c} ={' '}
      {fmt(gamma, 3)}
      {gamma === 0 ? ': every value is β' : ', just under γ'}
      {gamma !== 0 && (
        <>
          {c}² because of ε
        </>
      )}
      {pass.z.shape[0] === 1 ? '.' : '; that holds over the whole set, and one image’s map alone need not have them.'}
    </p>
  );
}

/** n = 1: BatchNorm2d still has h·w values per channel, where a fully connected layer's BN would have one. */
export function OneImage({ pass, compact = false }: { pass: ImagesPass; compact?: boolean }) {
  const [n, , h, w] = pass.z.shape;
  return (
    <p data-testid="img-one">
      {n === 1 ? 'With n = 1 (one image), BatchNorm2d still trains' : 'Even with n = 1 (one image), BatchNorm2d would still train'}: each channel has m = 1 · {h} · {w} ={' '}
      {(pass.m / n).toLocaleString('en')} values, because h·w &gt; 1. A fully connected layer&apos;s BN with one sample has m = 1, σ² = 0 and every output equal to β, and
      PyTorch refuses to train it (section {sectionNumber('inference')}).
      {compact && ' Its statistics are then that one image’s own (InstanceNorm’s set).'}
      {!compact && ' With one image, though, each channel is normalized by that image’s own statistics (the set InstanceNorm always uses), and the running averages see one image per step.'}
    </p>
  );
}

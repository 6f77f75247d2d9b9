import { ScrollEquation } from '../../ui/ScrollEquation';
import { ScrollX } from '../../ui/ScrollX';
import { Select } from '../../ui/Select';
import { fmt } from '../../ui/format';
import { type DerivationLayer, type DerivationView, derivationView } from './derivationView';
import type { NotesContext } from '../pass/notesContext';

const GRAPH = String.raw`\begin{aligned}
\frac{\partial L}{\partial \hat z_i} &= \frac{\partial L}{\partial \tilde z_i}\,\gamma \\
\frac{\partial L}{\partial \sigma^2} &= \sum_i \frac{\partial L}{\partial \hat z_i}\,(z_i-\mu)\cdot\left(-\tfrac12\right)(\sigma^2+\varepsilon)^{-3/2} \\
\frac{\partial L}{\partial \mu} &= \sum_i \frac{\partial L}{\partial \hat z_i}\cdot\frac{-1}{\sqrt{\sigma^2+\varepsilon}} \;+\; \frac{\partial L}{\partial \sigma^2}\cdot\frac{-2}{m}\sum_i (z_i-\mu) \\
\frac{\partial L}{\partial z_i} &= \underbrace{\frac{\partial L}{\partial \hat z_i}\frac{1}{\sqrt{\sigma^2+\varepsilon}}}_{\text{direct}} \;+\; \underbrace{\frac{\partial L}{\partial \sigma^2}\,\frac{2(z_i-\mu)}{m}}_{\text{through }\sigma^2} \;+\; \underbrace{\frac{\partial L}{\partial \mu}\,\frac1m}_{\text{through }\mu}
\end{aligned}`;

/** A shown number as the next term of a sum: " + 0.12" or " − 0.12". */
const plus = (shown: string) => (shown.startsWith('−') ? ` − ${shown.slice(1)}` : ` + ${shown}`);

interface Props {
  ctx: NotesContext;
  layer: DerivationLayer;
  neuron: number;
  onChange: (patch: { layer?: DerivationLayer; neuron?: number }) => void;
}

/**
 * The derivation the notes promise ("a slightly different derivation") and skip: ∂L/∂Z through BN
 * along its three paths, every term computed on the notes' batch, summing to the exact gradient.
 */
export function Derivation({ ctx, layer, neuron, onChange }: Props) {
  const v = derivationView(ctx, layer, neuron);
  const { d } = v;
  const name = `Z${layer === 1 ? '₁' : '₂'}`;
  return (
    <div className="derivation" role="group" aria-label="Deriving ∂L/∂Z through batch norm">
      <h3 className="subhead">Deriving ∂L/∂Z: three paths</h3>
      <p>
        z<sub>i</sub> reaches the loss in three ways: directly through its own ẑ<sub>i</sub>, and through μ and σ², which every
        sample of the batch shares. The chain rule adds the three:
      </p>
      <ScrollEquation tex={GRAPH} label="The chain rule through batch norm: ∂L/∂ẑ, ∂L/∂σ², ∂L/∂μ, and ∂L/∂z as the sum of three paths" />
      <div className="derivation-controls">
        <Select<DerivationLayer>
          label="Layer"
          value={layer}
          options={[
            { value: 1, label: 'Z₁ (4 hidden neurons)' },
            { value: 2, label: 'Z₂ (3 classes)' },
          ]}
          onChange={(l) => onChange({ layer: l })}
        />
        <Select<number>
          label="Neuron"
          value={v.neuron}
          options={Array.from({ length: v.neurons }, (_, j) => ({ value: j, label: `row ${j + 1} of ${name}` }))}
          onChange={(j) => onChange({ neuron: j })}
        />
      </div>
      <p data-testid="derivation-shared">
        For row {v.neuron + 1} of {name}: μ = {fmt(d.mean, 4)}, σ² = {fmt(d.variance, 4)}, γ = {fmt(d.gamma, 4)};
        ∂L/∂σ² = {fmt(d.dVariance, 4)} and ∂L/∂μ = {fmt(d.dMean, 4)}. Of ∂L/∂μ, the part through σ² is{' '}
        {fmt(d.dMeanViaVariance, 2)}: zero up to rounding, because Σ(z<sub>i</sub> − μ) = 0.
      </p>
      <p className="table-note">
        Each sample&apos;s ∂L/∂z<sub>i</sub> as the sum of its three paths, to {v.decimals} decimals (the shown terms add up to the shown
        sum within one unit in the last digit).
      </p>
      <DerivationTable v={v} name={name} />
      <p data-testid="derivation-sum">
        The sum of the paths equals the exact ∂L/∂{name} of the step above to within {fmt(d.maxGap, 2)} (rounding).
        {v.cancelRow &&
          ` In row ${v.cancelRow.i + 1} the paths nearly cancel: ${v.cancelRow.direct}${plus(v.cancelRow.viaVariance)}${plus(v.cancelRow.viaMean)} = ${v.cancelRow.dz}; that is why the table shows ${v.decimals} decimals.`}
      </p>
      <p data-testid="derivation-projection">
        Seen as a whole, the gradient is a projection: Σ<sub>i</sub> ∂L/∂z<sub>i</sub> = {fmt(d.sumDz, 2)}, zero up to rounding —
        adding a constant to the whole batch changes nothing after BN, so the gradient has no component along (1, …, 1). And
        Σ<sub>i</sub> ∂L/∂z<sub>i</sub>·ẑ<sub>i</sub> = {fmt(d.sumDzZHat, 3)}, which the formula (γ/√(σ²+ε))·(ε/(σ²+ε))·∂L/∂γ
        predicts as {fmt(d.sumDzZHatPredicted, 3)}: zero only up to ε, since with ε &gt; 0 scaling the batch still moves BN&apos;s output a little.
      </p>
    </div>
  );
}

/** Each sample's ∂L/∂zᵢ as the sum of its three paths. */
function DerivationTable({ v, name }: { v: DerivationView; name: string }) {
  return (
    <ScrollX label={`The three paths of ∂L/∂${name}, sample by sample`}>
      <table className="data-table" aria-label={`The three paths of ∂L/∂${name}, row ${v.neuron + 1}`}>
        <thead>
          <tr>
            <th scope="col">i</th>
            <th scope="col">z<sub>i</sub></th>
            <th scope="col">ẑ<sub>i</sub></th>
            <th scope="col">∂L/∂z̃<sub>i</sub></th>
            <th scope="col">direct</th>
            <th scope="col">through σ²</th>
            <th scope="col">through μ</th>
            <th scope="col">∂L/∂z<sub>i</sub></th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((r) => (
            <tr key={r.i}>
              <th scope="row">{r.i + 1}</th>
              <td className="num">{r.z}</td>
              <td className="num">{r.zHat}</td>
              <td className="num">{r.dy}</td>
              <td className="num">{r.direct}</td>
              <td className="num">{r.viaVariance}</td>
              <td className="num">{r.viaMean}</td>
              <td className="num">{r.dz}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

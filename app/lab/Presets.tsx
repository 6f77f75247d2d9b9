import { FIGURE1_CONTROLS } from './model/labSettings';
import { LAB_DEFAULTS } from '../state/slices/lab';
import { labController } from './controller';

/** One-click setups: the paper's Figure 1 on Fashion-MNIST (starts training at once), and the defaults. */
export function Presets() {
  return (
    <div className="lab-presets" role="group" aria-label="Presets">
      <button type="button" className="lab-preset" onClick={() => labController().load(FIGURE1_CONTROLS, true)}>
        Figure 1 of the BN paper, on Fashion-MNIST
      </button>
      <button type="button" onClick={() => labController().load(LAB_DEFAULTS, false)}>
        Back to the defaults (spiral)
      </button>
    </div>
  );
}

import type { StoreApi } from 'zustand/vanilla';
import { type LabSettings, SWEEP_STEPS, labRunSettings, sweepRates } from './model/labSettings';
import { applySweepEvent } from './runEvents';
import type { RunUpdates } from './runUpdates';
import { IDLE_SWEEP, type RunState } from './runStore';
import type { LabTransport, TransportFactory } from './transport';
import type { LabEvent } from './worker/messages';

/** The page's side of the learning-rate sweep: its own Worker (started on the first sweep), one sweep at a time. */
export interface SweepControl {
  /** Sweeps the rates around `settings`' learning rate (replacing any sweep); `dataUrl`: the Fashion-MNIST subset. */
  start(settings: LabSettings, dataUrl: string): void;
  /** Stops the sweep and forgets it (the sweep panel goes back to idle). */
  cancel(): void;
  close(): void;
}

export function createSweepControl(run: StoreApi<RunState>, updates: RunUpdates, factory: TransportFactory): SweepControl {
  let sweepId = 0;
  let sweeper: LabTransport | null = null;
  const onEvent = (e: LabEvent): void => {
    if ('runId' in e && e.runId === sweepId) applySweepEvent(e, updates);
  };
  const onFailure = (message: string): void => run.setState({ sweep: { ...run.getState().sweep, phase: 'error', error: message } });

  function cancel(): void {
    sweeper?.send({ type: 'cancel-sweep', runId: sweepId });
    sweepId += 1;
    updates.now({ sweep: IDLE_SWEEP });
  }

  return {
    start(current, dataUrl) {
      cancel();
      sweepId += 1;
      sweeper ??= factory(onEvent, onFailure);
      const settings = labRunSettings(current, dataUrl);
      const rates = sweepRates(current.labLr);
      const steps = SWEEP_STEPS[settings.data.kind];
      updates.now({ sweep: { ...IDLE_SWEEP, phase: settings.data.kind === 'fashion' ? 'loading' : 'running', rates, steps, totalSteps: rates.length * steps } });
      sweeper.send({ type: 'sweep', runId: sweepId, run: settings, learningRates: rates, steps });
    },
    cancel,
    close: () => sweeper?.close(),
  };
}

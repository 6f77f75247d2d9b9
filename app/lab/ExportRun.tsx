import { download } from '../ui/export/download';
import { seriesCsv } from './model/series';
import { runStore, useRun } from './runStore';
import { pairOfSettings } from './model/pair';

/** Downloads every logged step of both networks as CSV (the charts draw a thinned copy). */
export function ExportRun() {
  const logged = useRun((s) => (s.series ? s.series.plain.n + s.series.bn.n : 0));
  const save = () => {
    const { series, info, step } = runStore.getState();
    if (!series || !info) return;
    const network = info.settings.model === 'cnn' ? 'cnn' : 'mlp';
    const pair = pairOfSettings(info.settings);
    const norms = pair.isDefault ? '' : `${pair.norms.join('-vs-')}-`;
    download(seriesCsv(series, network, pair), `bn-lab-${network === 'cnn' ? 'cnn-' : ''}${norms}${info.settings.seed}-step${step}.csv`, 'text/csv');
  };
  return (
    <button type="button" onClick={save} disabled={logged === 0}>
      Download every logged step (CSV)
    </button>
  );
}

import { download } from '../ui/export/download';
import { seriesCsv } from './model/series';
import { runStore, useRun } from './runStore';

/** Downloads every logged step of both networks as CSV (the charts draw a thinned copy). */
export function ExportRun() {
  const logged = useRun((s) => (s.series ? s.series.plain.n + s.series.bn.n : 0));
  const save = () => {
    const { series, info, step } = runStore.getState();
    if (!series || !info) return;
    const network = info.settings.model === 'cnn' ? 'cnn' : 'mlp';
    download(seriesCsv(series, network), `bn-lab-${network === 'cnn' ? 'cnn-' : ''}${info.settings.seed}-step${step}.csv`, 'text/csv');
  };
  return (
    <button type="button" onClick={save} disabled={logged === 0}>
      Download every logged step (CSV)
    </button>
  );
}

import { seriesCsv } from './model/series';
import { runStore, useRun } from './runStore';

/** Downloads every logged step of both networks as CSV (the charts draw a thinned copy). */
export function ExportRun() {
  const logged = useRun((s) => (s.series ? s.series.plain.n + s.series.bn.n : 0));
  const save = () => {
    const { series, info } = runStore.getState();
    if (!series || !info) return;
    const url = URL.createObjectURL(new Blob([seriesCsv(series)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `bn-lab-${info.settings.seed}-step${runStore.getState().step}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" onClick={save} disabled={logged === 0}>
      Download every logged step (CSV)
    </button>
  );
}

/** Work done a little at a time: `step` advances it and says whether it is finished; `view` reads it (run by useChunkedTask). */
export interface ChunkedTask<T> {
  step(): boolean;
  view(): T;
}

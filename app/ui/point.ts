/** One drawn point of a line chart: step s, value v (always finite). */
export interface Point {
  readonly s: number;
  readonly v: number;
}

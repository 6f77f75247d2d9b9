import { describe, expect, test } from 'vitest';
import { GRID_AT_TICKS } from '../../../app/ui/gridAtTicks';

describe('GRID_AT_TICKS: grid lines at the axes’ ticks, through their scales, with nothing measured', () => {
  const scale = (v: unknown) => 10 + 2 * Number(v);
  test('an axis’ own ticks, else its nice ticks; values the scale cannot place are left out', () => {
    expect(GRID_AT_TICKS.verticalCoordinatesGenerator({ xAxis: { scale, ticks: [0, 5, 10] } })).toEqual([10, 20, 30]);
    expect(GRID_AT_TICKS.horizontalCoordinatesGenerator({ yAxis: { scale, niceTicks: [1, 2] } })).toEqual([12, 14]);
    expect(GRID_AT_TICKS.horizontalCoordinatesGenerator({ yAxis: { scale: () => NaN, ticks: [1] } })).toEqual([]);
    // Recharts 3 keeps a scale as an object whose map places a value.
    expect(GRID_AT_TICKS.verticalCoordinatesGenerator({ xAxis: { scale: { map: scale }, ticks: [1, 3] } })).toEqual([12, 16]);
  });
  test('no axis, no scale or no ticks: no lines (never an error)', () => {
    expect(GRID_AT_TICKS.verticalCoordinatesGenerator({})).toEqual([]);
    expect(GRID_AT_TICKS.verticalCoordinatesGenerator({ xAxis: { ticks: [1] } })).toEqual([]);
    expect(GRID_AT_TICKS.verticalCoordinatesGenerator({ xAxis: { scale: { map: 1 }, ticks: [1] } })).toEqual([]);
    expect(GRID_AT_TICKS.horizontalCoordinatesGenerator({ yAxis: { scale } })).toEqual([]);
  });
});

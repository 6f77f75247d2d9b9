import { expect, test } from 'vitest';
import { fromLogPosition, logBounds, toLogPosition } from '../../../app/ui/logScale';
import { BATCH_PROPS } from '../../../app/state/slices/batch';
import { BN_PROPS } from '../../../app/state/slices/bn';

const EPS_SCALE = BN_PROPS.eps.log;
const OFFSET_SCALE = BATCH_PROPS.offset.log;

test('ε scale: positions −10.5 (the 0 stop) … 0; 10^p round-trips; 1e-5 is position −5', () => {
  expect(logBounds(EPS_SCALE)).toEqual([-10.5, 0]);
  expect(fromLogPosition(-10.5, EPS_SCALE)).toBe(0);
  expect(toLogPosition(0, EPS_SCALE)).toBe(-10.5);
  expect(fromLogPosition(-5, EPS_SCALE)).toBe(1e-5);
  expect(toLogPosition(1e-5, EPS_SCALE)).toBe(-5);
  for (let p = -10; p <= 0; p += 0.5) expect(toLogPosition(fromLogPosition(p, EPS_SCALE), EPS_SCALE)).toBe(p);
});

test('offset scale: decades 1 … 10¹⁰ with 0 below; out-of-range values clamp to the ends', () => {
  expect(fromLogPosition(4, OFFSET_SCALE)).toBe(1e4);
  expect(toLogPosition(1e12, OFFSET_SCALE)).toBe(10);
  expect(toLogPosition(0.5, OFFSET_SCALE)).toBe(0);
});

import { expect, test } from 'vitest';
import { notesNetworkAfter } from '../../../../src';
import { betaSignRows } from '../../../../app/notebook/forward/betaSign';
import { notesContext } from '../../../../app/notebook/pass/notesContext';

const ctx = notesContext(4, 1e-5);
const { net } = notesNetworkAfter(4, 1e-5);

test('betaSignRows: for each of the 4 hidden neurons, mean with +β is β and with −β is −β (1e-12)', () => {
  const rows = betaSignRows(ctx);
  expect(rows).toHaveLength(4);
  rows.forEach((r, j) => {
    expect(r.beta).toBe(net.bn1.beta[j]);
    expect(Math.abs(r.meanPlus - r.beta)).toBeLessThan(1e-12);
    expect(Math.abs(r.meanMinus + r.beta)).toBeLessThan(1e-12);
  });
});

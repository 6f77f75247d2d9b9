import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { Slider, nudge } from '../../../app/ui/Slider';

describe('nudge: one step of a slider', () => {
  test('moves by one step on the grid from min, and stops at the ends', () => {
    expect(nudge(1.5, 1, 0, 3, 0.05)).toBe(1.55);
    expect(nudge(1.5, -1, 0, 3, 0.05)).toBe(1.45);
    expect(nudge(2.98, 1, 0, 3, 0.05)).toBe(3);
    expect(nudge(0, -1, 0, 3, 0.05)).toBe(0);
    expect(nudge(8, 1, 2, 64, 1)).toBe(9);
  });

  test('a value off the grid goes to the grid point one step from the nearest one', () => {
    expect(nudge(1.52, 1, 0, 3, 0.05)).toBe(1.55);
    expect(nudge(0.3, -1, 0.1, 1, 0.2)).toBe(0.1);
  });

  test('thirty presses of a 0.1 step from 0 reach 3 exactly: no drift from repeated addition', () => {
    let v = 0;
    for (let i = 0; i < 30; i++) v = nudge(v, 1, 0, 5, 0.1);
    expect(v).toBe(3);
  });
});

function Controlled({ start }: { start: number }) {
  const [v, setV] = useState(start);
  return <Slider label="γ" value={v} min={0} max={1} step={0.25} onChange={setV} testId="gamma" />;
}

describe('Slider', () => {
  test('− and + move the slider by one step, are named after it, and are disabled at the ends', async () => {
    const user = userEvent.setup();
    render(<Controlled start={0.75} />);
    const plus = screen.getByRole('button', { name: 'Increase γ' });
    const minus = screen.getByRole('button', { name: 'Decrease γ' });
    await user.click(plus);
    expect(screen.getByRole('slider', { name: 'γ' })).toHaveValue('1');
    expect(screen.getByTestId('gamma')).toHaveTextContent('1');
    expect(plus).toBeDisabled();
    await user.click(minus);
    await user.click(minus);
    expect(screen.getByRole('slider', { name: 'γ' })).toHaveValue('0.5');
    expect(minus).toBeEnabled();
  });
});

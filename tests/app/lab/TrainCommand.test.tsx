import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { TrainCommand } from '../../../app/lab/TrainCommand';
import { labSettingsOf, trainCommand } from '../../../app/lab/model/labSettings';
import { appStore } from '../../../app/state/store';

describe('TrainCommand', () => {
  test('shows the command as one text that copies whole, in unbreakable groups of one flag and its value', () => {
    render(<TrainCommand />);
    const code = screen.getByTestId('lab-command');
    expect(code.textContent).toBe(trainCommand(labSettingsOf(appStore.getState()), 1000));
    const parts = [...code.querySelectorAll('.lab-command-part')].map((p) => p.textContent ?? '');
    expect(parts[0]).toBe('npm run train --');
    expect(parts.slice(1).every((p) => /^--[a-z-]+( \S+)?$/.test(p))).toBe(true);
    expect(parts.join(' ')).toBe(code.textContent);
  });
});

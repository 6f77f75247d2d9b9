import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { LabControls } from '../../../app/lab/LabControls';
import { TrainCommand } from '../../../app/lab/TrainCommand';
import { LAB_DEFAULTS } from '../../../app/state/slices/lab';
import { appStore } from '../../../app/state/store';

beforeEach(() => appStore.setState({ ...LAB_DEFAULTS, labStep: 0 }));

const first = () => screen.getByRole('combobox', { name: 'First network (dashed): normalization' });
const second = () => screen.getByRole('combobox', { name: 'Second network (solid): normalization' });

describe('the lab’s choice of normalizations', () => {
  test('defaults: none against BN, no groups control, BN’s placement named as before', () => {
    render(<LabControls />);
    expect(first()).toHaveValue('none');
    expect(second()).toHaveValue('bn');
    expect(screen.queryByRole('combobox', { name: 'GroupNorm groups' })).toBeNull();
    expect(screen.getByRole('group', { name: 'BN before or after the activation' })).toBeInTheDocument();
  });

  test('BN against GroupNorm: the store, the groups control (divisors of 16 only) and the train command follow', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LabControls />
        <TrainCommand />
      </>,
    );
    first().focus();
    await user.selectOptions(first(), 'BatchNorm (BN)');
    // BN was the second network's: choosing it for the first swaps the two.
    expect(appStore.getState().labNorms).toBe('bn,none');
    await user.selectOptions(second(), 'GroupNorm');
    expect(appStore.getState().labNorms).toBe('bn,group');
    const groups = screen.getByRole('combobox', { name: 'GroupNorm groups' });
    expect([...groups.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['1', '2', '4', '8', '16']);
    await user.selectOptions(groups, '8');
    expect(appStore.getState().labGroups).toBe(8);
    expect(screen.getByRole('group', { name: 'Normalization before or after the activation' })).toBeInTheDocument();
    expect(screen.getByTestId('lab-command').textContent).toMatch(/--compare bn,group --groups 8$/);
  });

  test('groups that stop dividing the width: the control shows what is trained, and a note says why', () => {
    appStore.setState({ labNorms: 'bn,group', labGroups: 8, labWidth: 12 });
    render(<LabControls />);
    expect(screen.getByRole('combobox', { name: 'GroupNorm groups' })).toHaveValue('6');
    expect(screen.getByTestId('lab-norms-note')).toHaveTextContent("GroupNorm's 8 groups do not divide the 12 units of each hidden layer (PyTorch: “num_channels must be divisible by num_groups”): the lab trains 6 groups.");
  });

  test('InstanceNorm with the MLP: the note says the lab compares without and with BN', () => {
    appStore.setState({ labNorms: 'instance,group' });
    render(<LabControls />);
    expect(screen.getByTestId('lab-norms-note')).toHaveTextContent(/with the MLP the lab compares without and with BN/);
  });
});

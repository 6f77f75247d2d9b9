import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import { mirrorValues } from '../../../../app/presentation/presenter/mirror';

const forward2 = STEPS.findIndex((s) => s.step.id === 'forward-2');

describe('a copy of the projected deck takes the deck’s address', () => {
  test(`the current step’s copy: the deck’s step (${forward2 + 1}), part, settings and theme, and stays a copy`, () => {
    const v = mirrorValues(`v=1&present=1&step=${forward2 + 1}&part=1&gamma=2&theme=projector&zoom=120`, 'current', STEPS);
    expect(v).toMatchObject({ presenting: true, presenter: false, mirror: 'current', step: forward2, part: 1, section: 'forward', forwardStep: 1, gamma: 2, theme: 'projector', zoom: 120 });
  });

  test('the next step’s copy: the step after, its parts hidden, the same settings', () => {
    const v = mirrorValues(`v=1&present=1&step=${forward2 + 1}&part=1&gamma=2`, 'next', STEPS);
    expect(v).toMatchObject({ mirror: 'next', step: forward2 + 1, part: 0, section: 'forward', forwardStep: 2, gamma: 2 });
  });

  test('on the last step the next copy stays on it; a broken query gives the defaults, still a copy', () => {
    expect(mirrorValues(`present=1&step=${STEPS.length}`, 'next', STEPS)).toMatchObject({ step: STEPS.length - 1, part: 0 });
    expect(mirrorValues('%%%&step=abc&presenter=1&mirror=off', 'current', STEPS)).toMatchObject({ step: 0, presenter: false, mirror: 'current', presenting: true });
  });
});

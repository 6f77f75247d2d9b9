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

  test('the next step’s copy of an own deck: its step in the deck, with the settings the deck pinned to it (others at their defaults)', () => {
    // Step 1 of the deck is §1 with γ moved by hand; step 2 is forward/3, pinned to seed 7 and γ 2.
    const v = mirrorValues('v=1&present=1&gamma=3&beta=0.5&deck=1~why**~forward/3*seed:7;gamma:2*~', 'next', STEPS);
    expect(v).toMatchObject({ mirror: 'next', step: 1, part: 0, section: 'forward', forwardStep: 2, seed: 7, gamma: 2, beta: 0 });
    // Without a pin, the next copy keeps the settings of the moment.
    expect(mirrorValues('v=1&present=1&gamma=3&deck=1~why**~forward/3**~', 'next', STEPS)).toMatchObject({ step: 1, section: 'forward', gamma: 3 });
  });

  test('on the last step the next copy stays on it; a broken query gives the defaults, still a copy', () => {
    expect(mirrorValues(`present=1&step=${STEPS.length}`, 'next', STEPS)).toMatchObject({ step: STEPS.length - 1, part: 0 });
    expect(mirrorValues('%%%&step=abc&presenter=1&mirror=off', 'current', STEPS)).toMatchObject({ step: 0, presenter: false, mirror: 'current', presenting: true });
  });
});

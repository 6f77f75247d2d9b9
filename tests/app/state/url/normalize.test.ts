import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import { normalizeLab, normalizeUrlValues } from '../../../../app/state/url/normalize';
import { parseQuery } from '../../../../app/state/url/parse';

const read = (query: string) => normalizeLab(parseQuery(query).values);

describe('lab URL values made consistent', () => {
  test.each([
    ['?lab-depth=2&lab-layer=5', 0],
    ['?lab-depth=2&lab-layer=2', 0],
    ['?lab-depth=3&lab-layer=2', 2],
    ['?lab-depth=0&lab-layer=1', 0],
    ['?lab-layer=0', 0],
  ])('%s → charted layer %i (0 = the last, as the lab draws it)', (query, layer) => {
    expect(read(query).labLayer ?? 0).toBe(layer);
  });
});

describe('a presentation link made consistent', () => {
  const present = (query: string) => {
    const v = normalizeUrlValues(parseQuery(query).values);
    return { step: v.step, section: v.section, forwardStep: v.forwardStep };
  };
  const stepOf = (id: string) => STEPS.findIndex((s) => s.sectionId === id);

  test('?present=1&section=lab opens on the lab’s step (the section is not dropped)', () => {
    expect(stepOf('lab')).toBeGreaterThan(0);
    expect(present('?present=1&section=lab')).toMatchObject({ step: stepOf('lab'), section: 'lab' });
  });

  test('a section of several steps opens at the equation the address names, else at its first', () => {
    expect(present('?present=1&section=forward&forward=4')).toEqual({ step: stepOf('forward') + 3, section: 'forward', forwardStep: 3 });
    expect(present('?present=1&section=forward')).toEqual({ step: stepOf('forward'), section: 'forward', forwardStep: 0 });
  });

  test('a step in the address decides the section, as before; no section, no step: the first step', () => {
    expect(present('?present=1&step=5&section=lab')).toMatchObject({ step: 4, section: STEPS[4].sectionId });
    expect(present('?present=1')).toMatchObject({ step: 0, section: STEPS[0].sectionId });
    expect(present('?section=lab')).toMatchObject({ step: 0, section: 'lab' });
  });
});

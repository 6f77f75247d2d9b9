import { expect, test } from 'vitest';
import { emptyRunText, gradBarNotes } from '../../../../app/lab/model/labText';

test('an empty chart of the run says why it is empty and what would draw something', () => {
  expect(emptyRunText(0, 1, false)).toBe('Nothing to draw yet: press Play or Step.');
  expect(emptyRunText(0, 10, false)).toBe('Nothing to draw yet: press Play or Step.');
  // Steps taken, none logged yet (the CNN logs every 10 steps, Fashion-MNIST's network every 20): Step did not fail.
  expect(emptyRunText(4, 10, false)).toBe('Nothing to draw yet: values are logged every 10 steps.');
  expect(emptyRunText(4, 1, false)).toBe('Nothing to draw yet: press Play or Step.');
  // Both diverged before a value was logged: Play and Step cannot draw anything.
  expect(emptyRunText(3, 10, true)).toBe('Nothing to draw: both networks diverged before their first logged step.');
});

test('a network that diverged before its first logged step has no bars (not bars frozen at its start)', () => {
  const notes = gradBarNotes([], { plain: { step: 3, reason: 'the loss is not finite' }, bn: null }, { plain: null, bn: null });
  expect(notes).toEqual(['Without BN diverged at step 3, before its first logged step: it has no bars.']);
  const later = gradBarNotes([], { plain: { step: 30, reason: 'the loss is not finite' }, bn: null }, { plain: 20, bn: null });
  expect(later).toEqual(['Without BN diverged at step 30: its bars are frozen at its last logged step, 20.']);
});

import { describe, expect, test } from 'vitest';
import type { KeyInput } from '../../../../app/presentation/keys';
import { presenterCommand } from '../../../../app/presentation/presenter/presenterKeys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('the presenter window’s keys', () => {
  test.each([
    ['ArrowRight', 'next'],
    [' ', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['r', 'reveal'],
    ['R', 'reveal'],
    ['t', 'theme'],
  ])('%j → %s', (k, command) => {
    expect(presenterCommand(key(k), 'other')).toBe(command);
  });

  test('Shift+Space goes back', () => {
    expect(presenterCommand(key(' ', { shiftKey: true }), 'other')).toBe('previous');
  });

  test('the deck’s other keys (overview, blank, exit, digits), modified keys and typing are not the presenter’s', () => {
    for (const k of ['o', 'b', 'Escape', '3', 'Enter', 'p', 'l', 'x']) expect(presenterCommand(key(k), 'other'), k).toBeNull();
    expect(presenterCommand(key('ArrowRight', { ctrlKey: true }), 'other')).toBeNull();
    expect(presenterCommand(key('r', { metaKey: true }), 'other')).toBeNull();
    expect(presenterCommand(key('ArrowRight'), 'text')).toBeNull();
    expect(presenterCommand(key('r'), 'text')).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { STOPPED, elapsedMs, formatElapsed, minutesWords, pause, running, start } from '../../../../app/presentation/presenter/stopwatch';

describe('the presenter’s stopwatch (ms, exact)', () => {
  test('counts only while running: start at 1 s, pause at 61 s, resume at 100 s, read at 130 s → 90 s', () => {
    let w = start(STOPPED, 1000);
    expect(running(w)).toBe(true);
    expect(elapsedMs(w, 31_000)).toBe(30_000);
    w = pause(w, 61_000);
    expect(running(w)).toBe(false);
    expect(elapsedMs(w, 99_000)).toBe(60_000);
    w = start(w, 100_000);
    expect(elapsedMs(w, 130_000)).toBe(90_000);
  });

  test('start while running and pause while paused change nothing; a clock going back counts 0', () => {
    const w = start(STOPPED, 5000);
    expect(start(w, 9000)).toBe(w);
    expect(pause(STOPPED, 9000)).toBe(STOPPED);
    expect(elapsedMs(w, 4000)).toBe(0);
  });

  test.each([
    [0, '0:00'],
    [999, '0:00'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [(9 * 60 + 7) * 1000, '9:07'],
    [(59 * 60 + 59) * 1000, '59:59'],
    [3_600_000 + 4 * 60_000 + 7000, '1:04:07'],
    [-5, '0:00'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  test('the spoken minutes change once a minute', () => {
    expect(minutesWords(59_999)).toBe('Elapsed: 0 minutes');
    expect(minutesWords(60_000)).toBe('Elapsed: 1 minute');
    expect(minutesWords(119_999)).toBe('Elapsed: 1 minute');
    expect(minutesWords(120_000)).toBe('Elapsed: 2 minutes');
  });
});

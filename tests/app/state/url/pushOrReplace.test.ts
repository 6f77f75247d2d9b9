import { describe, expect, test } from 'vitest';
import { pushOrReplace, type LastPush } from '../../../../app/state/url/pushOrReplace';
import { URL_TABLE } from '../../../../app/state/url/table';

const COALESCE = 1500;
const row = (key: string) => {
  const r = URL_TABLE.find((x) => x.key === key);
  if (!r) throw new Error(`no URL row ${key}`);
  return r;
};
const last = (keys: string, at: number): LastPush => ({ keys, at });

/** Each case: what changed, the last pushed entry, when the change started, when it is written; and the decision. */
const CASES: { name: string; changed: string[]; lastPush: LastPush | null; startedAt: number; now: number; method: 'push' | 'replace'; remembered: LastPush | null }[] = [
  { name: 'a first deliberate change makes an entry', changed: ['gamma'], lastPush: null, startedAt: 0, now: 300, method: 'push', remembered: last('gamma', 300) },
  { name: 'the same slider again, starting 1.2 s after the last write, extends the entry', changed: ['gamma'], lastPush: last('gamma', 1000), startedAt: 2200, now: 2500, method: 'replace', remembered: last('gamma', 2500) },
  { name: 'a drag measured from its pause, not its length: a 4 s stretch that began 400 ms after the write extends', changed: ['gamma'], lastPush: last('gamma', 1000), startedAt: 1400, now: 5400, method: 'replace', remembered: last('gamma', 5400) },
  { name: 'the same slider after a pause of 1.5 s or more makes a new entry', changed: ['gamma'], lastPush: last('gamma', 1000), startedAt: 2500, now: 2800, method: 'push', remembered: last('gamma', 2800) },
  { name: 'another control makes a new entry, however soon', changed: ['beta'], lastPush: last('gamma', 1000), startedAt: 1100, now: 1400, method: 'push', remembered: last('beta', 1400) },
  { name: 'a different set of controls makes a new entry', changed: ['gamma', 'beta'], lastPush: last('gamma', 1000), startedAt: 1100, now: 1400, method: 'push', remembered: last('gamma,beta', 1400) },
  { name: 'presentation steps never coalesce', changed: ['step'], lastPush: last('step', 1000), startedAt: 1100, now: 1400, method: 'push', remembered: last('step', 1400) },
  { name: 'pass steps never coalesce', changed: ['forwardStep'], lastPush: last('forwardStep', 1000), startedAt: 1100, now: 1400, method: 'push', remembered: last('forwardStep', 1400) },
  { name: 'presentation on/off never coalesces', changed: ['presenting'], lastPush: last('presenting', 1000), startedAt: 1100, now: 1400, method: 'push', remembered: last('presenting', 1400) },
  { name: 'a section change only replaces, and keeps the last push', changed: ['section'], lastPush: last('gamma', 1000), startedAt: 1100, now: 1400, method: 'replace', remembered: last('gamma', 1000) },
  { name: 'a section change with nothing pushed before only replaces', changed: ['section'], lastPush: null, startedAt: 0, now: 300, method: 'replace', remembered: null },
  { name: 'a section change beside a slider counts only the slider: it extends the slider’s entry', changed: ['gamma', 'section'], lastPush: last('gamma', 1000), startedAt: 1100, now: 1400, method: 'replace', remembered: last('gamma', 1400) },
  { name: 'a section change beside a step still makes the step’s entry', changed: ['section', 'step'], lastPush: null, startedAt: 0, now: 300, method: 'push', remembered: last('step', 300) },
  { name: 'the lab’s step counter only replaces, and keeps the last push', changed: ['labStep'], lastPush: last('labLr', 1000), startedAt: 1100, now: 1400, method: 'replace', remembered: last('labLr', 1000) },
  { name: 'a lab setting that restarts the run (its step back to 0) makes the setting’s entry', changed: ['labLr', 'labStep'], lastPush: null, startedAt: 0, now: 300, method: 'push', remembered: last('labLr', 300) },
  { name: 'dragged points coalesce like a slider', changed: ['overrides'], lastPush: last('overrides', 1000), startedAt: 1200, now: 1500, method: 'replace', remembered: last('overrides', 1500) },
];

describe('pushOrReplace: a history entry per deliberate change, a drag coalesced by its pauses', () => {
  test.each(CASES)('$name', ({ changed, lastPush, startedAt, now, method, remembered }) => {
    const decision = pushOrReplace({ changed: changed.map(row), lastPush, startedAt, now, coalesceMs: COALESCE });
    expect(decision).toEqual({ method, lastPush: remembered });
  });

  test('the row flags the cases rely on', () => {
    expect([row('gamma').history, row('gamma').coalesce]).toEqual(['push', true]);
    expect([row('step').history, row('step').coalesce]).toEqual(['push', false]);
    expect(row('section').history).toBe('replace');
    expect([row('section').place, row('labStep').place, row('gamma').place]).toEqual([true, false, false]);
    expect(row('labStep').history).toBe('replace');
  });
});

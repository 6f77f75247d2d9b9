import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { controlName, focusKind, sameWidget } from '../../../app/presentation/focusKind';
import { Presentation } from '../../../app/presentation/Presentation';
import { buildSlides } from '../../../app/presentation/slides';
import { appStore } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return (sel: string) => document.querySelector(sel) as Element;
};

describe('what has the focus', () => {
  test('text fields, adjustable controls, checkboxes and the rest', () => {
    const $ = html(`
      <input id="text"><input id="number" type="number"><input id="search" type="search"><textarea id="area"></textarea>
      <div id="editable" contenteditable="true"></div><div id="textbox" role="textbox"></div>
      <input id="range" type="range"><select id="select"><option>a</option></select><input id="radio" type="radio">
      <svg><g id="point" role="slider" tabindex="0"></g></svg><table><tr><td id="cell" role="gridcell"></td></tr></table>
      <input id="check" type="checkbox"><button id="button"></button><a id="link" href="#">x</a><h2 id="title" tabindex="-1"></h2>`);
    const kinds = Object.fromEntries(
      ['text', 'number', 'search', 'area', 'textbox', 'range', 'select', 'radio', 'point', 'cell', 'check', 'button', 'link', 'title'].map((id) => [id, focusKind($(`#${id}`))]),
    );
    expect(kinds).toEqual({
      text: 'text', number: 'text', search: 'text', area: 'text', textbox: 'text',
      range: 'adjustable', select: 'adjustable', radio: 'adjustable', point: 'adjustable', cell: 'adjustable',
      check: 'checkbox', button: 'other', link: 'other', title: 'other',
    });
    expect(focusKind(null)).toBe('other');
    expect(focusKind(document)).toBe('other');
  });

  test('a control is named by aria-label, aria-labelledby or its label', () => {
    const $ = html(`<g id="a" aria-label="Sample 1 (z₁)"></g><span id="n">Batch size</span><div id="b" aria-labelledby="n"></div>
      <label for="c">γ (scale)</label><input id="c" type="range"><input id="d" type="range">`);
    expect(['#a', '#b', '#c', '#d'].map((s) => controlName($(s)))).toEqual(['Sample 1 (z₁)', 'Batch size', 'γ (scale)', 'the control']);
  });

  test('radios of one group, and cells of one grid, are parts of one control', () => {
    const $ = html(`<input id="r1" type="radio" name="g"><input id="r2" type="radio" name="g"><input id="r3" type="radio" name="h">
      <table role="grid"><tr><td id="c1" role="gridcell"></td><td id="c2" role="gridcell"></td></tr></table>
      <table role="grid"><tr><td id="c3" role="gridcell"></td></tr></table><input id="range" type="range">`);
    expect([sameWidget($('#r1'), $('#r2')), sameWidget($('#r1'), $('#r3')), sameWidget($('#c1'), $('#c2')), sameWidget($('#c1'), $('#c3')), sameWidget($('#range'), $('#r1'))]).toEqual([
      true, false, true, false, false,
    ]);
  });
});

describe('a grabbed radio group', () => {
  beforeEach(() => {
    document.body.innerHTML = ''; // the markup of the tests above
    appStore.setState({ ...defaultValues(), presenting: true, step: 0 });
  });

  test('keeps the grab as the arrows move the focus from radio to radio, and lets go when the focus leaves the group', () => {
    const Radios = () => (
      <fieldset>
        <legend>Placement</legend>
        {['before', 'after'].map((v) => (
          <label key={v}>
            {v} <input type="radio" name="placement" value={v} />
          </label>
        ))}
        <button type="button">Reset</button>
      </fieldset>
    );
    const slides = buildSlides([{ id: 'a', number: 1, title: 'A', steps: [{ id: 'a', title: 'A' }], Component: Radios }]);
    render(<Presentation slides={slides} />);
    const [before, after] = screen.getAllByRole('radio');
    act(() => before.focus());
    fireEvent.keyDown(before, { key: 'Enter' });
    expect(before).toHaveAttribute('data-grabbed', 'true');
    act(() => after.focus()); // what → does to a radio group in a browser
    expect(before).not.toHaveAttribute('data-grabbed');
    expect(after).toHaveAttribute('data-grabbed', 'true');
    expect(screen.getByTestId('deck-status')).toHaveTextContent(/^Adjusting Placement:/);
    act(() => screen.getByRole('button', { name: 'Reset' }).focus());
    expect(after).not.toHaveAttribute('data-grabbed');
  });
});

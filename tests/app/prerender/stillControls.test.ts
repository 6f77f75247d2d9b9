import { describe, expect, test } from 'vitest';
import { stillControls } from '../../../app/prerender/stillControls';

const first = '<section id="why"><input type="range" min="0" max="10" value="5"/><button type="button">Go</button></section>';

describe('stillControls: form fields after the first section become still pictures', () => {
  test('the first section keeps its fields; later ones get a range at its value, boxes, shown values; buttons stay', () => {
    const later =
      '<section id="b"><label for="r">γ</label><input id="r" type="range" min="-3" max="3" step="0.05" value="1"/>' +
      '<label><input type="checkbox" checked=""/> on</label><input type="radio" name="p"/>' +
      '<input type="text" class="answer" value="0.5 &amp; 1"/><select id="s"><option value="1">Z₁ (4)</option><option value="2" selected="">Z₂ (3)</option></select>' +
      '<form class="exercise-answer" noValidate=""><input type="text" value=""/><button type="submit">Check</button></form>' +
      '<button type="button" class="slider-nudge">+</button></section>';
    const out = stillControls(first + later);
    expect(out.startsWith(first)).toBe(true);
    const rest = out.slice(first.length);
    expect(rest).not.toMatch(/<\/?(input|select|option|form)\b/);
    expect(rest).toContain('<div data-still="form" class="exercise-answer"><span data-still="text"></span><button type="submit">Check</button></div>');
    expect(rest).toContain('<span data-still="range" style="--still-at:66.67%" aria-hidden="true"></span>');
    expect(rest).toContain('<span data-still="checkbox" data-checked="" aria-hidden="true"></span> on');
    expect(rest).toContain('<span data-still="radio" aria-hidden="true"></span>');
    expect(rest).toContain('<span data-still="text" class="answer">0.5 &amp; 1</span>');
    expect(rest).toContain('<span data-still="select"><span>Z₁ (4)</span><span data-shown="">Z₂ (3)</span></span>');
    expect(rest).toContain('<button type="button" class="slider-nudge">+</button>');
  });

  test('a range clamps its value to its ends; a select without a selected option shows its first; no section: unchanged', () => {
    const out = stillControls(first + '<section><input type="range" min="0" max="1" value="7"/><select><option>a</option><option>b</option></select></section>');
    expect(out).toContain('--still-at:100.00%');
    expect(out).toContain('<span data-still="select"><span data-shown="">a</span><span>b</span></span>');
    expect(stillControls('<div><input type="text" value="x"/></div>')).toBe('<div><input type="text" value="x"/></div>');
  });
});

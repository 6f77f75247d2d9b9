import { describe, expect, test } from 'vitest';
import { fmt, sig, sub, tex } from '../../../app/ui/format';

describe('fmt and tex', () => {
  test('ordinary numbers: rounded to the digits, trailing zeros dropped, a real minus sign', () => {
    expect(fmt(1.23456, 3)).toBe('1.235');
    expect(fmt(-0.5, 3)).toBe('−0.5');
    expect(fmt(2, 4)).toBe('2');
    expect(tex(-0.5, 3)).toBe('-0.5');
  });

  test('tiny and huge numbers use ×10 with superscripts; a mantissa of 1 is dropped', () => {
    expect(fmt(5.551115123125783e-17, 3)).toBe('5.55×10⁻¹⁷');
    expect(fmt(1e-5, 2)).toBe('10⁻⁵');
    expect(fmt(-1e-5, 2)).toBe('−10⁻⁵');
    expect(fmt(123456, 3)).toBe('1.23×10⁵');
    expect(tex(5.551115123125783e-17, 3)).toBe('5.55\\times 10^{-17}');
    expect(tex(1e-5, 2)).toBe('10^{-5}');
  });

  test('a non-zero number below the decimals asked for keeps that many significant digits, never 0 (ε = 0.001, 0.0032)', () => {
    expect(fmt(0.001, 2)).toBe('0.001');
    expect(fmt(0.0031622776601683794, 2)).toBe('0.0032');
    expect(fmt(-0.004, 2)).toBe('−0.004');
    expect(tex(0.0032, 2)).toBe('0.0032');
    expect(fmt(0.012, 2)).toBe('0.01');
  });

  test('non-finite values are words or ∞, never "NaN"', () => {
    expect(fmt(Number.NaN)).toBe('undefined');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(-Infinity)).toBe('−∞');
    expect(tex(Number.NaN)).toBe('\\text{undefined}');
    expect(tex(-Infinity)).toBe('-\\infty');
  });

  test('sig keeps 2 significant digits (the lab’s ratios): 49.69 → 50, 45.62 → 46, 0.0734 → 0.073, 3.8 → 3.8', () => {
    expect([49.69, 45.62, 0.0734, 3.8, 0.026].map(sig)).toEqual(['50', '46', '0.073', '3.8', '0.026']);
  });

  test('sub writes subscript digits', () => {
    expect(sub(12)).toBe('₁₂');
  });
});

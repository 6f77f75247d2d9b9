import { expect, test } from 'vitest';
import { READING } from '../../../../app/notebook/reading/readingList';

test('the reading list: unique https URLs, every reference has a title, a place and a reason', () => {
  const refs = READING.flatMap((r) => r.refs);
  expect(new Set(refs.map((r) => r.url)).size).toBe(refs.length);
  for (const r of refs) {
    expect(r.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    expect(r.title.length * r.where.length * r.why.length).toBeGreaterThan(0);
  }
});

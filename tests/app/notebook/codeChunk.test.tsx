import { act, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { codeChunk, fromChunk } from '../../../app/notebook/codeChunk';

/**
 * A chunk of code is fetched once and then known at once: a part drawn from a chunk that has arrived renders
 * without suspending. Each section suspending on a lazy component of its own made React hold its content back
 * 300 ms after the fallback (issue 15: every section took 300 ms to go live, whatever its work).
 */
describe('codeChunk', () => {
  test('fetches once, however many ask; now() is the module once it has arrived', async () => {
    const fetch = vi.fn(() => Promise.resolve({ answer: 42 }));
    const chunk = codeChunk(fetch);
    expect(chunk.now()).toBeUndefined();
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect(a).toBe(b);
    expect(chunk.now()).toEqual({ answer: 42 });
    await chunk.load();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('a failed fetch is not kept: the next load fetches again', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ ok: true });
    const chunk = codeChunk(fetch);
    await expect(chunk.load()).rejects.toThrow(/Failed to fetch/);
    expect(chunk.now()).toBeUndefined();
    await expect(chunk.load()).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('fromChunk', () => {
  const chunkOf = () => codeChunk(() => Promise.resolve({ Content: ({ n }: { n: number }) => <p>content {n}</p> }));
  const fallbackShown = vi.fn();
  const Fallback = () => {
    fallbackShown();
    return <p>fallback</p>;
  };

  test('once its chunk has arrived, a part renders in the render that mounts it: its fallback is never shown', async () => {
    const chunk = chunkOf();
    await chunk.load();
    const Part = fromChunk('Part', chunk, (m) => m.Content, <Fallback />);
    fallbackShown.mockClear();
    render(<Part n={1} />);
    expect(screen.getByText('content 1')).toBeInTheDocument();
    expect(fallbackShown).not.toHaveBeenCalled();
  });

  test('before its chunk has arrived, a part shows its fallback and then its content; its props pass through', async () => {
    const chunk = chunkOf();
    const Part = fromChunk('Part', chunk, (m) => m.Content, <Fallback />);
    render(<Part n={2} />);
    expect(screen.getByText('fallback')).toBeInTheDocument();
    expect(await screen.findByText('content 2')).toBeInTheDocument();
    expect(screen.queryByText('fallback')).toBeNull();
  });

  test('a part mounted before its chunk arrived is updated, not remounted, when it renders again after', async () => {
    const Part = fromChunk('Part', chunkOf(), (m) => m.Content, <Fallback />);
    const { rerender } = render(<Part n={3} />);
    const node = await screen.findByText('content 3');
    await act(async () => rerender(<Part n={4} />));
    expect(screen.getByText('content 4')).toBe(node);
  });
});

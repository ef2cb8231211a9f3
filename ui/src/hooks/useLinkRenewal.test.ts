import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RENEW_BEFORE_MS, useLinkRenewal } from './useLinkRenewal';

describe('useLinkRenewal', () => {
  afterEach(() => vi.useRealTimers());

  it('asks for fresh links a few minutes before they expire, and again for the next ones', () => {
    vi.useFakeTimers();
    const now = Date.parse('2026-02-01T20:00:00Z');
    vi.setSystemTime(now);
    const renew = vi.fn();
    const { rerender } = renderHook(({ at }) => useLinkRenewal(at, renew), { initialProps: { at: new Date(now + 3_600_000).toISOString() } });
    vi.advanceTimersByTime(3_600_000 - RENEW_BEFORE_MS - 1000);
    expect(renew).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    expect(renew).toHaveBeenCalledTimes(1);
    rerender({ at: new Date(Date.now() + 3_600_000).toISOString() });
    vi.advanceTimersByTime(3_600_000);
    expect(renew).toHaveBeenCalledTimes(2);
  });
});

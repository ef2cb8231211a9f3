import { useCallback, useEffect, useRef, useState } from 'react';

export interface Upload {
  /** 0..1 while sending, null when idle. */
  progress: number | null;
  error: unknown;
  /** Runs `send` with a progress callback and an abort signal; resolves to its result, or null if stopped or failed. */
  start: <T>(send: (onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<T>) => Promise<T | null>;
  stop: () => void;
  clearError: () => void;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** One upload at a time, with its progress, its error and a way to stop it; stopped when the component goes. */
export function useUpload(): Upload {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ctrl = useRef<AbortController | null>(null);
  useEffect(() => () => ctrl.current?.abort(), []);

  const start = useCallback(async <T,>(send: (onProgress: (f: number) => void, signal: AbortSignal) => Promise<T>) => {
    ctrl.current?.abort();
    const mine = new AbortController();
    ctrl.current = mine;
    setError(null);
    setProgress(0);
    try {
      return await send((f) => !mine.signal.aborted && setProgress(f), mine.signal);
    } catch (e) {
      if (!isAbort(e) && !mine.signal.aborted) setError(e);
      return null;
    } finally {
      if (ctrl.current === mine) {
        ctrl.current = null;
        setProgress(null);
      }
    }
  }, []);
  const stop = useCallback(() => ctrl.current?.abort(), []);
  const clearError = useCallback(() => setError(null), []);
  return { progress, error, start, stop, clearError };
}

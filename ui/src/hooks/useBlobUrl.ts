import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../services/api';

const MAX_CACHED = 24;

export interface BlobState {
  /** The last blob fetched, as a URL an <img> or <audio> can use; kept while the next one loads. */
  url: string | null;
  loading: boolean;
  error: unknown;
}

/**
 * Fetches a binary resource with `load` (which sends the access token) whenever `key` changes, after `delayMs`
 * of quiet (typing in a field does not fire a request per key), and shows it through a blob URL. Answers are
 * cached per key (the last 24) for this component's life; every blob URL is revoked when it unmounts. `key` null: nothing.
 */
export function useBlobUrl(key: string | null, load: (signal: AbortSignal) => Promise<Blob>, delayMs = 350): BlobState {
  const [state, setState] = useState<BlobState>({ url: null, loading: false, error: null });
  const cache = useRef(new Map<string, string>());
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key == null) return;
    const cached = cache.current.get(key);
    if (cached) {
      setState({ url: cached, loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      loader.current(ctrl.signal).then(
        (blob) => {
          if (ctrl.signal.aborted) return;
          const url = URL.createObjectURL(blob);
          cache.current.set(key, url);
          // Oldest first: the one shown is the newest, so dropping the oldest never blanks the image.
          for (const [old, oldUrl] of cache.current) {
            if (cache.current.size <= MAX_CACHED) break;
            cache.current.delete(old);
            URL.revokeObjectURL(oldUrl);
          }
          setState({ url, loading: false, error: null });
        },
        (e: unknown) => {
          if (!ctrl.signal.aborted) setState((s) => ({ url: e instanceof ApiError && e.status === 400 ? null : s.url, loading: false, error: e }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [key, delayMs]);

  useEffect(() => {
    const urls = cache.current;
    return () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    };
  }, []);
  return state;
}

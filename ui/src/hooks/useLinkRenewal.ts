import { useEffect, useRef } from 'react';

/** How long before a signed link expires the page asks for fresh ones. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Calls `renew` a few minutes before `expiresAt` (ISO time of the document's signed links), so players, images
 * and download buttons always hold working links, however long the page stays open.
 */
export function useLinkRenewal(expiresAt: string | undefined | null, renew: () => void, now: () => number = Date.now): void {
  const latest = useRef(renew);
  latest.current = renew;
  useEffect(() => {
    const at = expiresAt ? Date.parse(expiresAt) : NaN;
    if (Number.isNaN(at)) return;
    const delay = Math.max(10_000, at - RENEW_BEFORE_MS - now());
    const timer = setTimeout(() => latest.current(), delay);
    return () => clearTimeout(timer);
  }, [expiresAt, now]);
}

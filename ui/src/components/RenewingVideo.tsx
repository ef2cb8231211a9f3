import { useEffect, useRef, useState } from 'react';

interface Props {
  /** The current signed link; it changes when the page renews its links. */
  src: string | undefined;
  /** Asks the page for fresh links (the one in use was refused). */
  onExpired: () => void;
  testId: string;
  className?: string;
  autoPlay?: boolean;
  label?: string;
}

/**
 * A player that survives its link expiring: a renewed link is not swapped in under a playing video (that would
 * restart it); when the element fails to load more (the old link was refused), the newest link takes over at the
 * same time position and playback goes on.
 */
export function RenewingVideo({ src, onExpired, testId, className = 'player', autoPlay = false, label }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  const [current, setCurrent] = useState(src);
  const resume = useRef<{ time: number; playing: boolean } | null>(null);
  const latest = useRef(src);
  latest.current = src;

  useEffect(() => {
    const v = ref.current;
    if (!v || src === current) return;
    if (v.paused || v.ended || v.readyState === 0) {
      resume.current = v.currentTime > 0 ? { time: v.currentTime, playing: false } : null;
      setCurrent(src);
    }
  }, [src, current]);

  const onError = () => {
    const v = ref.current;
    if (!v) return;
    resume.current = { time: v.currentTime, playing: !v.paused || autoPlay };
    if (latest.current && latest.current !== current) setCurrent(latest.current);
    else onExpired();
  };

  const onLoaded = () => {
    const v = ref.current;
    const r = resume.current;
    if (!v || !r) return;
    resume.current = null;
    v.currentTime = r.time;
    if (r.playing) void v.play().catch(() => undefined);
  };

  return (
    <video
      ref={ref}
      className={className}
      controls
      playsInline
      preload="metadata"
      autoPlay={autoPlay}
      data-testid={testId}
      aria-label={label}
      src={current}
      onError={onError}
      onLoadedMetadata={onLoaded}
    />
  );
}

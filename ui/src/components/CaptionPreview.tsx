import { useEffect, useRef } from 'react';
import { useBlobUrl } from '../hooks/useBlobUrl';
import { useI18n } from '../i18n';
import { lookKey } from '../output';
import { api, ApiError, captionPreviewQuery, type CaptionLook } from '../services/api';
import { ASPECT_SIZES } from '../types';

/** Shown at this width (the server draws 360 px wide: sharp on a 2× screen). */
const SHOWN_WIDTH = 180;

interface Props {
  look: CaptionLook;
  language: string;
  text: string;
  /** A 400 from the preview names a field: the field's own error is shown next to it. */
  onFieldError?: (field: string | null, rule: string | null) => void;
}

/** A still of the chosen format with a caption in the chosen look, drawn by the server's caption renderer. */
export function CaptionPreview({ look, language, text, onFieldError }: Props) {
  const { t } = useI18n();
  const key = captionPreviewQuery(look, language, text);
  const { url, loading, error } = useBlobUrl(key, (signal) => api.captionPreview(look, language, text, signal));
  const report = useRef(onFieldError);
  report.current = onFieldError;
  useEffect(() => {
    if (loading) return;
    if (error instanceof ApiError && error.status === 400) report.current?.(error.field ?? null, error.rule ?? error.problem.detail ?? null);
    else report.current?.(null, null);
  }, [error, loading, key]);
  const size = ASPECT_SIZES[look.aspect];
  const height = Math.round((SHOWN_WIDTH * size.height) / size.width);
  const label = t('look.preview.alt', {
    format: t(lookKey('aspect', look.aspect)),
    style: t(lookKey('style', look.caption_style)),
    position: t(lookKey('position', look.caption_position)),
    text,
  });
  return (
    <figure className="caption-preview" data-testid="caption-preview" data-loading={loading} aria-busy={loading}>
      <div className="caption-preview-frame" style={{ width: SHOWN_WIDTH, height }}>
        {url ? (
          <img src={url} alt={label} width={SHOWN_WIDTH} height={height} data-testid="caption-preview-image" />
        ) : (
          <span className="muted small">{error ? t('look.preview.unavailable') : t('look.preview.loading')}</span>
        )}
      </div>
      <figcaption className="muted small">{error && url ? t('look.preview.stale') : t('look.preview.caption')}</figcaption>
    </figure>
  );
}

import { formatUsd } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { api } from '../services/api';
import { isTerminal, type VideoBlock, type VideoDetail } from '../types';
import { BlockMediaControl, MediaBadge } from './BlockMediaControl';

export type CellStatus = NonNullable<VideoBlock['clip']>['status'] | 'waiting';

export function cellStatus(block: VideoBlock): CellStatus {
  return block.clip?.status ?? 'waiting';
}

const REFUSALS = new Set(['usage_guidelines', 'third_party_content']);

/** A block whose clip the provider refused (safety or copyright): fixing it needs a new prompt, not a re-roll. */
export function isRefused(block: VideoBlock): boolean {
  return block.clip?.error_category != null && REFUSALS.has(block.clip.error_category);
}

interface Props {
  video: VideoDetail;
  busy: boolean;
  onReset: (index: number) => void;
  onRegenerate: (index: number) => void;
  onEdit: (index: number) => void;
  /** A block's own media was uploaded or removed: the server's new document. */
  onVideo: (detail: VideoDetail) => void;
}

/**
 * One card per block: a frame of its clip (draft or final), its state, length and share of the estimate, and the
 * actions that fit: reset an abandoned clip, edit-and-regenerate or regenerate a block of a finished video.
 */
export function Storyboard({ video, busy, onReset, onRegenerate, onEdit, onVideo }: Props) {
  const { t, lang } = useI18n();
  const finished = isTerminal(video.status);
  // Own media can be set on an idle video whose blocks can be regenerated (it is used at the next regenerate).
  const mediaEditable = finished && video.status !== 'cancelled';
  const totalSeconds = video.blocks.reduce((s, b) => s + b.duration, 0);
  const estimate = video.costs?.estimate_usd ?? null;
  return (
    <ol className="storyboard" data-testid="block-grid">
      {video.blocks.map((b) => {
        const status = cellStatus(b);
        const frame = api.link(video.frames?.[String(b.index)]);
        const missing = status === 'abandoned' || status === 'failed';
        const refused = isRefused(b);
        const share = estimate != null && totalSeconds > 0 ? (estimate * b.duration) / totalSeconds : null;
        return (
          <li
            key={b.index}
            className={`story-card clip-${status}`}
            data-testid={`block-cell-${b.index}`}
            data-status={status}
            data-retries={b.clip?.retry_count ?? 0}
            aria-labelledby={`block-title-${b.index}`}
          >
            <div className="story-frame">
              {frame ? (
                <img src={frame} alt={t('studio.frameAlt', { n: b.index })} loading="lazy" width={180} height={320} />
              ) : (
                <span className="muted small">{t('studio.noFrame')}</span>
              )}
            </div>
            <div className="story-body">
              <h3 className="story-title" id={`block-title-${b.index}`}>
                {t('create.script.block', { n: b.index })}
                {b.duration ? ` · ${b.duration} s` : ''}
              </h3>
              <p className={`story-state state-${status}`}>
                <span className="state-dot" aria-hidden="true" /> {t(`clip.${status}` as MessageKey)}
                {(b.clip?.retry_count ?? 0) > 0 && (
                  <span className="muted small" data-testid={`block-retries-${b.index}`}>
                    {' '}
                    · {t('progress.retries', { n: b.clip?.retry_count ?? 0 })}
                  </span>
                )}
              </p>
              {b.media && !mediaEditable && <MediaBadge media={b.media} index={b.index} />}
              {share != null && share > 0 && !b.media && <p className="muted small">{t('studio.blockCost', { usd: formatUsd(share, lang) })}</p>}
              {b.spoken_text && <p className="story-text">{b.spoken_text}</p>}
              {refused && !b.media && (
                <p className="error-text" data-testid={`block-refused-${b.index}`}>
                  {t(b.clip?.error_category === 'third_party_content' ? 'studio.refused.copyright' : 'studio.refused.safety')}
                </p>
              )}
              {b.clip?.last_error && (
                <details className="small">
                  <summary>{t('studio.technical')}</summary>
                  <p className="muted" data-testid="block-last-error">
                    {b.clip.last_error}
                  </p>
                </details>
              )}
              <div className="story-actions">
                {status === 'abandoned' && !refused && video.status !== 'completed' && video.status !== 'cancelled' && (
                  <button type="button" className="btn btn-small" data-testid={`reset-clip-${b.index}`} disabled={busy} onClick={() => onReset(b.index)}>
                    {t('action.resetClip')}
                  </button>
                )}
                {finished && video.status !== 'cancelled' && (
                  <button
                    type="button"
                    className={`btn btn-small${missing ? ' btn-primary' : ''}`}
                    data-testid={`edit-block-${b.index}`}
                    disabled={busy}
                    onClick={() => onEdit(b.index)}
                  >
                    {missing ? t('action.editRegenerate', { n: b.index }) : t('action.edit')}
                  </button>
                )}
                {finished && video.status !== 'cancelled' && (!refused || b.media) && (
                  <button type="button" className={`btn btn-small${b.media ? ' btn-primary' : ' btn-ghost'}`} data-testid={`regenerate-block-${b.index}`} disabled={busy} onClick={() => onRegenerate(b.index)}>
                    {b.media ? t('action.regenerateMedia') : t('action.regenerate')}
                  </button>
                )}
              </div>
              {mediaEditable && <BlockMediaControl video={video} index={b.index} media={b.media} onChanged={onVideo} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

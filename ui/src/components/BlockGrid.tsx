import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import type { VideoBlock, VideoStatus } from '../types';

export type CellStatus = NonNullable<VideoBlock['clip']>['status'] | 'waiting';

export function cellStatus(block: VideoBlock): CellStatus {
  return block.clip?.status ?? 'waiting';
}

interface Props {
  blocks: VideoBlock[];
  videoStatus: VideoStatus;
  busy: boolean;
  onReset: (index: number) => void;
  onRegenerate: (index: number) => void;
}

export function BlockGrid({ blocks, videoStatus, busy, onReset, onRegenerate }: Props) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const block = blocks.find((b) => b.index === selected) ?? null;
  const canRegenerate = videoStatus === 'completed' || videoStatus === 'failed';

  return (
    <div>
      <ul className="block-grid" data-testid="block-grid">
        {blocks.map((b) => {
          const status = cellStatus(b);
          const retries = b.clip?.retry_count ?? 0;
          const tooltip = [
            t('create.script.block', { n: b.index }),
            t(`clip.${status}` as MessageKey),
            retries > 0 ? t('progress.retries', { n: retries }) : null,
            b.clip?.last_error ? `${t('progress.lastError')}: ${b.clip.last_error}` : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <li key={b.index}>
              <button
                type="button"
                className={`block-cell clip-${status}${selected === b.index ? ' selected' : ''}`}
                data-testid={`block-cell-${b.index}`}
                data-status={status}
                data-retries={retries}
                title={tooltip}
                aria-label={tooltip}
                aria-pressed={selected === b.index}
                onClick={() => setSelected(selected === b.index ? null : b.index)}
              >
                <span className="block-index">{b.index}</span>
                <span className="block-state">{t(`clip.${status}` as MessageKey)}</span>
                {retries > 0 && (
                  <span className="block-retries" data-testid={`block-retries-${b.index}`}>
                    ↻{retries}
                  </span>
                )}
                {(status === 'abandoned' || status === 'failed') && (
                  <span className="block-alert" aria-hidden="true">
                    !
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="legend" aria-hidden="true">
        {(['waiting', 'submitting', 'pending', 'success', 'failed', 'abandoned'] as CellStatus[]).map((s) => (
          <span key={s} className="legend-item">
            <span className={`legend-swatch clip-${s}`} /> {t(`clip.${s}` as MessageKey)}
          </span>
        ))}
      </div>

      {/* Actions that a block needs stay visible without selecting it. */}
      <div className="block-actions">
        {blocks
          .filter((b) => cellStatus(b) === 'abandoned')
          .map((b) => (
            <button
              key={`reset-${b.index}`}
              type="button"
              className="btn btn-warn"
              data-testid={`reset-clip-${b.index}`}
              disabled={busy}
              onClick={() => onReset(b.index)}
            >
              {t('action.resetClip')} {b.index}
            </button>
          ))}
      </div>

      {block && (
        <div className="block-detail card" data-testid="block-detail">
          <h3>
            {t('create.script.block', { n: block.index })}
            {block.duration ? ` · ${block.duration} s` : ''} · {t(`clip.${cellStatus(block)}` as MessageKey)}
          </h3>
          {block.visual_prompt && (
            <p>
              <strong>{t('create.script.visualPrompt')}:</strong> {block.visual_prompt}
            </p>
          )}
          {block.spoken_text && (
            <p>
              <strong>{t('create.script.spokenText')}:</strong> {block.spoken_text}
            </p>
          )}
          {block.clip && (
            <p className="muted">
              {t('progress.retries', { n: block.clip.retry_count })} · {t('progress.submissions', { n: block.clip.submissions })}
            </p>
          )}
          {block.clip?.last_error && (
            <p className="error-text" data-testid="block-last-error">
              <strong>{t('progress.lastError')}:</strong> {block.clip.last_error}
            </p>
          )}
          {canRegenerate && (
            <button
              type="button"
              className="btn"
              data-testid={`regenerate-block-${block.index}`}
              disabled={busy}
              onClick={() => onRegenerate(block.index)}
            >
              {t('action.regenerate')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

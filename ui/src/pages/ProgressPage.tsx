import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { BlockGrid } from '../components/BlockGrid';
import { useConfirm } from '../components/ConfirmDialog';
import { CostPanel } from '../components/CostPanel';
import { StatusBadge } from '../components/StatusBadge';
import { StepTimeline } from '../components/StepTimeline';
import { formatDate, formatSeconds } from '../format';
import { useVideoProgress, type Transport } from '../hooks/useVideoProgress';
import { errorCategoryKey, useI18n, type MessageKey } from '../i18n';
import { api, ApiError, NetworkError } from '../services/api';
import { isTerminal, type VideoDetail } from '../types';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** Seconds since creation (until the last update once finished) and a linear estimate of what is left. */
export function timing(video: VideoDetail, now: number): { elapsed: number; remaining: number | null } {
  const start = Date.parse(video.created_at);
  const end = isTerminal(video.status) ? Date.parse(video.updated_at) : now;
  const elapsed = Number.isNaN(start) || Number.isNaN(end) ? 0 : Math.max(0, (end - start) / 1000);
  const p = video.progress_percentage;
  const remaining = !isTerminal(video.status) && p > 0 && p < 100 && elapsed > 0 ? (elapsed * (100 - p)) / p : null;
  return { elapsed, remaining };
}

const TRANSPORT_KEY: Record<Transport, MessageKey> = {
  connecting: 'progress.live.connecting',
  websocket: 'progress.live.websocket',
  sse: 'progress.live.sse',
  polling: 'progress.live.polling',
  reconnecting: 'progress.live.reconnecting',
  idle: 'progress.live.idle',
};

function createLink(video: VideoDetail, duration = video.target_duration): string {
  const q = new URLSearchParams({
    theme: video.theme,
    duration: String(duration),
    style: video.style,
    language: video.language,
    mode: video.mode,
    strategy: video.clip_strategy,
  });
  return `/create?${q.toString()}`;
}

export function ProgressPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { video, transport, error, offline, replace } = useVideoProgress(id, { lang });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmElement, confirm] = useConfirm();
  const running = video ? !isTerminal(video.status) : false;
  const now = useNow(running);

  if (error) {
    return (
      <div className="card" data-testid="progress-error">
        <p>{error.status === 404 ? t('progress.notFound') : (error.problem.detail ?? error.problem.title)}</p>
        <Link to="/library">{t('nav.library')}</Link>
      </div>
    );
  }
  if (!video) return <p className="muted">{t('progress.loading')}</p>;

  const run = async (action: () => Promise<VideoDetail | void>, question?: string) => {
    if (question && !(await confirm(question))) return;
    setBusy(true);
    setActionError(null);
    try {
      const result = await action();
      if (result) replace(result);
    } catch (e) {
      if (e instanceof ApiError) setActionError(e.problem.detail ?? e.problem.title);
      else if (e instanceof NetworkError) setActionError(t('error.network'));
      else setActionError(t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!(await confirm(t('confirm.delete')))) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.deleteVideo(video.video_id);
      navigate('/library', { replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 409) setActionError(t('error.deleteRunning'));
      else if (e instanceof ApiError) setActionError(e.problem.detail ?? e.problem.title);
      else setActionError(t('error.generic'));
    }
  };

  const { elapsed, remaining } = timing(video, now);
  const pct = Math.max(0, Math.min(100, Math.round(video.progress_percentage)));
  const failed = video.status === 'failed';
  const category = video.error_category;
  const shorter = Math.max(8, Math.round(video.target_duration / 2));

  return (
    <div className="progress-page" data-testid="progress-page" data-video-id={video.video_id} data-status={video.status}>
      <header className="page-head">
        <div>
          <h1 className="theme-title">{video.theme}</h1>
          <p className="muted small">
            {video.video_id} · {formatDate(video.created_at, lang)} · {video.target_duration} s · {t(`style.${video.style}` as MessageKey)}
          </p>
        </div>
        <StatusBadge status={video.status} />
      </header>

      <section className="card">
        <p className="status-message" data-testid="progress-message" data-status-label={video.status_label}>
          {video.message}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          data-testid="progress-bar"
          data-value={pct}
        >
          <div className={`progress-fill${failed ? ' failed' : ''}`} style={{ width: `${pct}%` }} />
          <span className="progress-text">{pct}%</span>
        </div>
        <dl className="stats">
          <div>
            <dt>{t('progress.elapsed')}</dt>
            <dd data-testid="elapsed">{formatSeconds(elapsed, t)}</dd>
          </div>
          <div>
            <dt>{t('progress.remaining')}</dt>
            <dd data-testid="remaining">{remaining == null ? t('progress.remaining.unknown') : `~${formatSeconds(remaining, t)}`}</dd>
          </div>
          <div>
            <dt>{t('progress.blocks', { done: video.completed_blocks, total: video.total_blocks })}</dt>
            <dd>
              <span className={`live-dot live-${transport}`} aria-hidden="true" />
              <span data-testid="transport" data-transport={transport}>
                {t(TRANSPORT_KEY[transport])}
              </span>
            </dd>
          </div>
        </dl>
        {offline && <p className="muted small">{t('error.network')}</p>}
        <StepTimeline video={video} />

        <div className="actions">
          {failed && (
            <button type="button" className="btn btn-primary" data-testid="retry-button" disabled={busy} onClick={() => run(() => api.retryVideo(video.video_id))}>
              {t('action.retry')}
            </button>
          )}
          {running && (
            <button
              type="button"
              className="btn btn-danger"
              data-testid="cancel-button"
              disabled={busy}
              onClick={() => run(() => api.cancelVideo(video.video_id), t('confirm.cancel'))}
            >
              {t('action.cancel')}
            </button>
          )}
          {video.status === 'completed' && (
            <Link className="btn btn-primary" to={`/library?play=${encodeURIComponent(video.video_id)}`} data-testid="watch-link">
              {t('progress.watch')}
            </Link>
          )}
          {!running && (
            <button type="button" className="btn btn-ghost" data-testid="delete-button" disabled={busy} onClick={remove}>
              {t('action.delete')}
            </button>
          )}
        </div>
        {actionError && (
          <p className="error-banner" role="alert" data-testid="action-error">
            {actionError}
          </p>
        )}
      </section>

      {failed && (
        <section className="card error-card" data-testid="error-panel" data-category={category ?? 'default'}>
          <p className="error-friendly" data-testid="error-message">
            {t(errorCategoryKey(category))}
          </p>
          {(video.error_message || video.failure_reason) && (
            <p className="muted small" data-testid="error-detail">
              {video.error_message ?? video.failure_reason}
            </p>
          )}
          {video.attempts > 0 && <p className="muted small">{t('progress.attempts', { n: video.attempts })}</p>}
          <div className="actions">
            {(category === 'usage_guidelines' || category === 'third_party_content' || category === 'no_clips') && (
              <Link className="btn" to={createLink(video)} data-testid="new-theme-link">
                {t('action.newTheme')}
              </Link>
            )}
            {category === 'operation_timeout' && video.target_duration > 8 && (
              <Link className="btn" to={createLink(video, shorter)} data-testid="shorter-link">
                {t('action.shorter', { s: shorter })}
              </Link>
            )}
          </div>
        </section>
      )}

      <section className="card">
        <h2>{t('progress.blocks', { done: video.completed_blocks, total: video.total_blocks })}</h2>
        {video.blocks.length === 0 ? (
          <p className="muted">{t('progress.noBlocks')}</p>
        ) : (
          <BlockGrid
            blocks={video.blocks}
            videoStatus={video.status}
            busy={busy}
            onReset={(n) => run(() => api.resetClip(video.video_id, n), t('confirm.reset', { n }))}
            onRegenerate={(n) => run(() => api.regenerateBlock(video.video_id, n), t('confirm.regenerate', { n }))}
          />
        )}
        {video.assembly && (
          <p className="muted small" data-testid="assembly">
            {t('progress.assembly', { found: video.assembly.found_clips, expected: video.assembly.expected_clips })}
          </p>
        )}
      </section>

      {video.status === 'completed' && video.files?.final && (
        <section className="card">
          <video className="player" controls preload="metadata" data-testid="final-player" src={api.withToken(video.files.final)} />
          <ul className="files">
            {(
              [
                ['final', 'final.mp4'],
                ['captions_srt', 'captions.srt'],
                ['captions_ass', 'captions.ass'],
                ['script', 'script.json'],
              ] as const
            ).map(([key, name]) => {
              const url = video.files?.[key];
              return url ? (
                <li key={key}>
                  <a href={api.withToken(url)} download={name}>
                    {name}
                  </a>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      )}

      <CostPanel costs={video.costs} />

      {video.events.length > 0 && (
        <section className="card">
          <details>
            <summary>
              {t('progress.events')} ({video.events.length})
            </summary>
            <ol className="events" data-testid="events">
              {[...video.events].reverse().map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <time className="muted small">{formatDate(e.at, lang)}</time> <code>{e.type}</code> {e.message}
                </li>
              ))}
            </ol>
          </details>
        </section>
      )}
      {confirmElement}
    </div>
  );
}

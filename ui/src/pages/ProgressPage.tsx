import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { BlockEditDialog } from '../components/BlockEditDialog';
import { CaptionsDialog } from '../components/CaptionsDialog';
import { useConfirm } from '../components/ConfirmDialog';
import { CostPanel } from '../components/CostPanel';
import { RenewingVideo } from '../components/RenewingVideo';
import { ReviewScreen } from '../components/ReviewScreen';
import { StatusBadge } from '../components/StatusBadge';
import { StepTimeline } from '../components/StepTimeline';
import { isRefused, Storyboard } from '../components/Storyboard';
import { errorText } from '../errors';
import { formatDate, formatSeconds } from '../format';
import { useLinkRenewal } from '../hooks/useLinkRenewal';
import { useVideoProgress, type Transport } from '../hooks/useVideoProgress';
import { errorCategoryKey, isMessageKey, useI18n, type MessageKey, type Translate } from '../i18n';
import { lookKey } from '../output';
import { api } from '../services/api';
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

/** Seconds since creation (until the last update once finished). */
export function elapsedSeconds(video: VideoDetail, now: number): number {
  const start = Date.parse(video.created_at);
  const end = isTerminal(video.status) ? Date.parse(video.updated_at) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? 0 : Math.max(0, (end - start) / 1000);
}

/** The server's estimate from this installation's history, counted down since it was received. */
export function remainingSeconds(video: VideoDetail, receivedAt: number, now: number): number | null {
  const left = video.eta?.remaining_seconds;
  if (left == null) return null;
  return Math.max(0, left - (now - receivedAt) / 1000);
}

/** What a finished video lacks: from the server's `result` when it has one, else from the blocks' clips. */
export function missingBlocks(video: VideoDetail): { actual: number; missing: number[] } | null {
  if (video.status !== 'completed') return null;
  if (video.result) {
    return video.result.partial ? { actual: Math.round(video.result.duration_seconds), missing: video.result.blocks_missing } : null;
  }
  const missing = video.blocks.filter((b) => b.clip?.status !== 'success').map((b) => b.index);
  if (missing.length === 0) return null;
  const actual = video.blocks.filter((b) => b.clip?.status === 'success').reduce((s, b) => s + b.duration, 0);
  return { actual, missing };
}

function blockList(missing: number[], t: Translate): string {
  if (missing.length === 1) return t('studio.block', { n: missing[0] ?? '' });
  const list = missing.slice(0, -1).join(', ') + t('studio.and') + missing[missing.length - 1];
  return t('studio.blocks', { list });
}

const LIVE_KEY: Record<Transport, MessageKey | null> = {
  connecting: 'studio.live.connecting',
  websocket: 'studio.live.live',
  sse: 'studio.live.live',
  polling: 'studio.live.polling',
  reconnecting: 'studio.live.reconnecting',
  idle: null,
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

function eventLabel(type: string, message: string, t: Translate, lang: string): string {
  const key = `event.${type}`;
  if (isMessageKey(key)) return t(key);
  return lang === 'en' ? message : type.replace(/_/g, ' ');
}

/** The studio page of one video: live progress, the review of its script, its storyboard, the result. */
export function ProgressPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { video, transport, error, offline, replace, reload } = useVideoProgress(id, { lang });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [captions, setCaptions] = useState(false);
  const [confirmElement, confirm] = useConfirm();
  const running = video ? !isTerminal(video.status) : false;
  const now = useNow(running);
  const [etaAt, setEtaAt] = useState(() => Date.now());
  useEffect(() => setEtaAt(Date.now()), [video?.eta?.remaining_seconds]);
  useLinkRenewal(video?.links_expire_at, () => void reload());

  if (error) {
    return (
      <div className="card" data-testid="progress-error">
        <p>{error.status === 404 ? t('progress.notFound') : errorText(error, t)}</p>
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
      setActionError(e);
      void reload();
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!(await confirm(t('confirm.delete'), t('confirm.deleteOk')))) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.deleteVideo(video.video_id);
      navigate('/library', { replace: true });
    } catch (e) {
      setBusy(false);
      setActionError(e);
    }
  };

  const elapsed = elapsedSeconds(video, now);
  const remaining = remainingSeconds(video, etaAt, now);
  const pct = Math.max(0, Math.min(100, Math.round(video.progress_percentage)));
  const failed = video.status === 'failed';
  const awaiting = video.status === 'awaiting_approval';
  const category = video.error_category;
  const shorter = Math.max(8, Math.round(video.target_duration / 2));
  const partial = missingBlocks(video);
  const refusedBlock = video.blocks.find(isRefused);
  const live = LIVE_KEY[transport];
  const draft = video.quality === 'draft';
  const editBlock = video.blocks.find((b) => b.index === editing) ?? null;

  return (
    <div className="progress-page" data-testid="progress-page" data-video-id={video.video_id} data-status={video.status}>
      <header className="page-head">
        <div>
          <h1 className="theme-title">{video.theme}</h1>
          <p className="muted small">
            {formatDate(video.created_at, lang)} · {video.target_duration} s · {t(`style.${video.style}` as MessageKey)}
            {video.output && <span data-testid="output-summary"> · {video.output.aspect} · {t('look.summary.captions', { style: t(lookKey('style', video.output.caption_style)) })}</span>}
          </p>
        </div>
        <StatusBadge status={video.status} />
      </header>

      <section className="card" aria-label={t('progress.title')}>
        {!failed && (
          <p className="status-message" data-testid="progress-message" data-status-label={video.status_label}>
            {video.message}
          </p>
        )}
        <div
          className="progress"
          role="progressbar"
          aria-label={t('progress.title')}
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
          {(running || awaiting) && (
            <div>
              <dt>{t('progress.remaining')}</dt>
              <dd data-testid="remaining" data-basis={video.eta?.basis ?? 'none'} title={video.eta?.samples ? t('studio.eta.basis', { n: video.eta.samples }) : undefined}>
                {awaiting
                  ? t('studio.eta.waiting')
                  : remaining == null
                    ? t('studio.eta.unknown')
                    : remaining < 1
                      ? t('studio.eta.soon')
                      : t('studio.eta', { time: formatSeconds(remaining, t) })}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('progress.blocks', { done: video.completed_blocks, total: video.total_blocks })}</dt>
            <dd>
              <span className={`live-dot live-${transport}`} aria-hidden="true" />
              <span data-testid="transport" data-transport={transport}>
                {live ? t(live) : t('status.' + video.status as MessageKey)}
              </span>
            </dd>
          </div>
        </dl>
        {offline && <p className="muted small">{t('error.network')}</p>}
        <StepTimeline video={video} />

        <div className="actions">
          {(failed || video.status === 'cancelled') && (
            <button type="button" className="btn btn-primary" data-testid="retry-button" disabled={busy} onClick={() => run(() => api.retryVideo(video.video_id))}>
              {video.status === 'cancelled' ? t('action.resume') : t('action.retry')}
            </button>
          )}
          {draft && video.status === 'completed' && (
            <button type="button" className="btn btn-primary" data-testid="finalize-button" disabled={busy} onClick={() => run(() => api.finalize(video.video_id), t('confirm.finalize'))}>
              {t('action.finalize')}
            </button>
          )}
          {(running || awaiting) && (
            <button type="button" className="btn btn-danger" data-testid="cancel-button" disabled={busy} onClick={() => run(() => api.cancelVideo(video.video_id), t('confirm.cancel'))}>
              {t('action.cancel')}
            </button>
          )}
          {video.status === 'completed' && (
            <Link className="btn" to={`/library?play=${encodeURIComponent(video.video_id)}`} data-testid="watch-link">
              {t('progress.watch')}
            </Link>
          )}
          {video.status === 'completed' && video.files?.final && (
            <button type="button" className="btn" data-testid="captions-button" disabled={busy} onClick={() => setCaptions(true)}>
              {t('captions.open')}
            </button>
          )}
          {!running && !awaiting && (
            <button type="button" className="btn btn-ghost" data-testid="delete-button" disabled={busy} onClick={remove}>
              {t('action.delete')}
            </button>
          )}
        </div>
        {actionError != null && (
          <p className="error-banner" role="alert" data-testid="action-error">
            {errorText(actionError, t)}
          </p>
        )}
      </section>

      {draft && video.status === 'completed' && <p className="info-banner" data-testid="draft-banner">{t('studio.draft')}</p>}

      {partial && (
        <section className="warn-banner" role="status" data-testid="partial-banner">
          <p>
            <strong>
              {t(partial.missing.length > 1 ? 'studio.partial.many' : 'studio.partial', {
                actual: partial.actual,
                target: video.target_duration,
                blocks: blockList(partial.missing, t),
              })}
            </strong>
          </p>
          <p className="small">{t('studio.partial.hint')}</p>
        </section>
      )}

      {failed && (
        <section className="card error-card" data-testid="error-panel" data-category={category ?? 'default'}>
          <p className="error-friendly" data-testid="error-message">
            {t(errorCategoryKey(category))}
          </p>
          {video.attempts > 0 && <p className="muted small">{t('progress.attempts', { n: video.attempts })}</p>}
          <div className="actions">
            {refusedBlock && (
              <button type="button" className="btn btn-primary" data-testid="edit-refused" onClick={() => setEditing(refusedBlock.index)}>
                {t('action.editRegenerate', { n: refusedBlock.index })}
              </button>
            )}
            {!refusedBlock && (category === 'usage_guidelines' || category === 'third_party_content' || category === 'no_clips') && (
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
          {(video.failure_reason || video.error_message) && (
            <details className="small">
              <summary>{t('studio.technical')}</summary>
              <p className="muted" data-testid="error-detail">
                {video.failure_reason ?? video.error_message}
              </p>
            </details>
          )}
        </section>
      )}

      {awaiting && <ReviewScreen video={video} onApproved={replace} onVideo={replace} />}

      {!awaiting && (
        <section className="card" aria-labelledby="storyboard-title">
          <h2 id="storyboard-title">{t('studio.storyboard')}</h2>
          <p className="muted small">{t('studio.blocksDone', { done: video.completed_blocks, total: video.total_blocks })}</p>
          {video.blocks.length === 0 ? (
            <p className="muted">{t('progress.noBlocks')}</p>
          ) : (
            <Storyboard
              video={video}
              busy={busy}
              onReset={(n) => run(() => api.resetClip(video.video_id, n), t('confirm.reset', { n }))}
              onRegenerate={(n) => {
                const media = video.blocks.find((b) => b.index === n)?.media;
                void run(() => api.regenerateBlock(video.video_id, n), media ? t('confirm.regenerateMedia', { n, name: media.name }) : t('confirm.regenerate', { n }));
              }}
              onEdit={setEditing}
              onVideo={replace}
            />
          )}
        </section>
      )}

      {video.status === 'completed' && video.files?.final && (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title" className="sr-only">
            {t('studio.files')}
          </h2>
          <RenewingVideo testId="final-player" src={api.link(video.files.final)} onExpired={() => void reload()} label={video.theme} />
          <ul className="files">
            {(
              [
                ['download', 'studio.file.final'],
                ['captions_srt', 'studio.file.srt'],
                ['captions_ass', 'studio.file.ass'],
                ['script', 'studio.file.script'],
              ] as const
            ).map(([key, label]) => {
              const url = video.files?.[key];
              return url ? (
                <li key={key}>
                  <a href={api.link(url)} download data-testid={`file-${key}`}>
                    {t(label)}
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
                  <time className="muted small" dateTime={e.at}>
                    {formatDate(e.at, lang)}
                  </time>{' '}
                  {eventLabel(e.type, e.message, t, lang)}
                </li>
              ))}
            </ol>
          </details>
        </section>
      )}
      {editBlock && (
        <BlockEditDialog
          block={editBlock}
          onClose={() => setEditing(null)}
          onSave={async (edit) => {
            await api.editBlock(video.video_id, editBlock.index, edit);
            replace(await api.regenerateBlock(video.video_id, editBlock.index));
          }}
        />
      )}
      {captions && <CaptionsDialog video={video} onClose={() => setCaptions(false)} onSaved={replace} />}
      {confirmElement}
    </div>
  );
}

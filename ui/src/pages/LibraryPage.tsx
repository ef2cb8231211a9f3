import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useConfirm } from '../components/ConfirmDialog';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { api, ApiError, NetworkError } from '../services/api';
import { isTerminal, VIDEO_STATUSES, type VideoPage, type VideoStatus, type VideoSummary } from '../types';

export const PAGE_SIZE = 24;
const REFRESH_MS = 5000;

function parseStatus(value: string | null): VideoStatus | '' {
  return value && (VIDEO_STATUSES as readonly string[]).includes(value) ? (value as VideoStatus) : '';
}

function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function LibraryPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Everything the page shows is in the URL: ?status=&page=&play=
  const status = parseStatus(params.get('status'));
  const page = parsePage(params.get('page'));
  const playing = params.get('play');

  const [data, setData] = useState<VideoPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmElement, confirm] = useConfirm();
  const [playingTheme, setPlayingTheme] = useState<string | null>(null);

  const setParam = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) {
        if (v == null || v === '') next.delete(k);
        else next.set(k, v);
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );

  // While some listed video is still running, refresh the list quietly every 5 s.
  const [tick, setTick] = useState(0);
  const shownKey = useRef('');
  const anyRunning = data?.items.some((v) => !isTerminal(v.status)) ?? false;
  useEffect(() => {
    if (!anyRunning) return;
    const id = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(id);
  }, [anyRunning]);

  useEffect(() => {
    const ctrl = new AbortController();
    const key = `${status}|${page}`;
    if (key !== shownKey.current) setLoading(true);
    shownKey.current = key;
    setError(null);
    api
      .listVideos({ status, page, size: PAGE_SIZE }, ctrl.signal)
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setLoading(false);
        if (e instanceof ApiError) setError(e.problem.detail ?? e.problem.title);
        else if (e instanceof NetworkError) setError(t('error.network'));
        else setError(t('error.generic'));
      });
    return () => ctrl.abort();
    // t only changes the fallback wording; no refetch on language change.
  }, [status, page, tick]);

  const playingItem = data?.items.find((v) => v.video_id === playing) ?? null;

  // Opened from a link or a reload: the video may not be on this page of the list.
  useEffect(() => {
    setPlayingTheme(null);
    if (!playing || playingItem) return;
    const ctrl = new AbortController();
    api
      .getVideo(playing, lang, ctrl.signal)
      .then((d) => setPlayingTheme(d.theme))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [playing, playingItem, lang]);

  const open = (v: VideoSummary) => {
    setActionError(null);
    if (v.has_final) setParam({ play: v.video_id });
    else navigate(`/videos/${encodeURIComponent(v.video_id)}`);
  };

  const remove = async (id: string) => {
    if (!(await confirm(t('confirm.delete')))) return;
    setActionError(null);
    try {
      await api.deleteVideo(id);
      setData((d) => (d ? { ...d, items: d.items.filter((v) => v.video_id !== id), total: Math.max(0, d.total - 1) } : d));
      setParam({ play: null }, true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setActionError(t('error.deleteRunning'));
      else if (e instanceof ApiError) setActionError(e.problem.detail ?? e.problem.title);
      else setActionError(t('error.generic'));
    }
  };

  const total = data?.total ?? 0;
  const hasNext = data ? data.page * data.size < total : false;
  const hasPrev = page > 1;

  return (
    <div className="library" data-testid="library-page">
      <header className="page-head">
        <h1>{t('library.title')}</h1>
        <div className="field inline">
          <label htmlFor="status-filter">{t('library.filter')}</label>
          <select
            id="status-filter"
            data-testid="status-filter"
            value={status}
            onChange={(e) => setParam({ status: e.target.value, page: null, play: null })}
          >
            <option value="">{t('library.all')}</option>
            {VIDEO_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      </header>

      {error && (
        <p className="error-banner" role="alert" data-testid="library-error">
          {error}
        </p>
      )}
      {actionError && !playing && (
        <p className="error-banner" role="alert" data-testid="action-error">
          {actionError}
        </p>
      )}
      {loading && !data && <p className="muted">{t('progress.loading')}</p>}
      {data && data.items.length === 0 && !loading && (
        <div className="card empty" data-testid="library-empty">
          <p>{t('library.empty')}</p>
          <Link className="btn btn-primary" to="/create">
            {t('library.create')}
          </Link>
        </div>
      )}

      {data && data.items.length > 0 && (
        <ul className={`cards${loading ? ' loading' : ''}`} data-testid="library-grid">
          {data.items.map((v) => (
            <li key={v.video_id}>
              <article className="video-card" data-testid="library-card" data-video-id={v.video_id} data-status={v.status}>
                <button type="button" className="video-card-main" onClick={() => open(v)} aria-label={v.theme}>
                  <div className="thumb">
                    {v.thumbnail_url ? (
                      <img src={api.withToken(v.thumbnail_url)} alt="" loading="lazy" />
                    ) : (
                      <span className="thumb-empty">{t('library.noThumbnail')}</span>
                    )}
                    {!isTerminal(v.status) && (
                      <span className="thumb-progress" style={{ width: `${Math.round(v.progress_percentage)}%` }} />
                    )}
                    {v.has_final && <span className="thumb-play" aria-hidden="true">▶</span>}
                  </div>
                  <div className="video-card-body">
                    <StatusBadge status={v.status} />
                    <h2 className="video-card-title" data-testid="card-theme">
                      {v.theme}
                    </h2>
                    <p className="muted small">
                      <time dateTime={v.created_at}>{formatDate(v.created_at, lang)}</time> · {v.target_duration} s ·{' '}
                      {v.language.toUpperCase()}
                    </p>
                    {!isTerminal(v.status) && <p className="muted small">{v.message}</p>}
                  </div>
                </button>
              </article>
            </li>
          ))}
        </ul>
      )}

      {data && (hasPrev || hasNext) && (
        <nav className="pager" aria-label="pagination">
          <button type="button" className="btn btn-ghost" data-testid="page-prev" disabled={!hasPrev} onClick={() => setParam({ page: String(page - 1) })}>
            {t('library.prev')}
          </button>
          <span className="muted small">{t('library.page', { page, total })}</span>
          <button type="button" className="btn btn-ghost" data-testid="page-next" disabled={!hasNext} onClick={() => setParam({ page: String(page + 1) })}>
            {t('library.next')}
          </button>
        </nav>
      )}

      {playing && (
        <div className="modal-backdrop" onClick={() => setParam({ play: null })}>
          <div
            className="modal player-modal"
            role="dialog"
            aria-modal="true"
            aria-label={playingItem?.theme ?? playingTheme ?? playing}
            data-testid="player-modal"
            onClick={(e) => e.stopPropagation()}
          >
            <div className="label-row">
              <h2 className="modal-title">{playingItem?.theme ?? playingTheme ?? playing}</h2>
              <button type="button" className="btn btn-ghost btn-small" data-testid="player-close" aria-label={t('action.close')} onClick={() => setParam({ play: null })}>
                ✕
              </button>
            </div>
            <video
              className="player"
              controls
              autoPlay
              playsInline
              preload="metadata"
              data-testid="video-player"
              src={api.fileUrl(playing, 'final.mp4')}
            />
            {actionError && (
              <p className="error-banner" role="alert" data-testid="action-error">
                {actionError}
              </p>
            )}
            <div className="actions">
              <a className="btn btn-primary" href={api.fileUrl(playing, 'final.mp4')} download={`${playing}.mp4`} data-testid="download-link">
                {t('action.download')}
              </a>
              <Link className="btn" to={`/videos/${encodeURIComponent(playing)}`} data-testid="details-link">
                {t('action.details')}
              </Link>
              <button type="button" className="btn btn-danger" data-testid="delete-button" onClick={() => remove(playing)}>
                {t('action.delete')}
              </button>
            </div>
          </div>
        </div>
      )}
      {confirmElement}
    </div>
  );
}

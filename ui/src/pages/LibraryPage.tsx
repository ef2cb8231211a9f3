import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useConfirm } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { RenewingVideo } from '../components/RenewingVideo';
import { StatusBadge } from '../components/StatusBadge';
import { errorText } from '../errors';
import { formatDate } from '../format';
import { useLinkRenewal } from '../hooks/useLinkRenewal';
import { useI18n, type MessageKey } from '../i18n';
import { api } from '../services/api';
import { isTerminal, VIDEO_STATUSES, type VideoDetail, type VideoPage, type VideoStatus, type VideoSummary } from '../types';

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
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmElement, confirm] = useConfirm();
  const [playingDetail, setPlayingDetail] = useState<VideoDetail | null>(null);

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
        setError(e);
      });
    return () => ctrl.abort();
    // The page's language changes the messages: fetch again in it.
  }, [status, page, tick, lang]);
  // Signed links of thumbnails and players last about an hour: fetch the list again before they expire.
  useLinkRenewal(data?.items[0]?.links_expire_at, () => setTick((n) => n + 1));

  const playingItem = data?.items.find((v) => v.video_id === playing) ?? null;

  // Opened from a link or a reload: the video may not be on this page of the list.
  const [detailTick, setDetailTick] = useState(0);
  useEffect(() => {
    setPlayingDetail(null);
    if (!playing || playingItem) return;
    const ctrl = new AbortController();
    api
      .getVideo(playing, lang, ctrl.signal)
      .then(setPlayingDetail)
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [playing, playingItem, lang, detailTick]);
  const playingTheme = playingItem?.theme ?? playingDetail?.theme ?? playing ?? '';
  const playerSrc = api.link(playingItem?.final_url ?? playingDetail?.files?.final);
  const downloadHref = api.link(playingItem?.download_url ?? playingDetail?.files?.download);
  const closePlayer = () => setParam({ play: null });

  const open = (v: VideoSummary) => {
    setActionError(null);
    if (v.has_final) setParam({ play: v.video_id });
    else navigate(`/videos/${encodeURIComponent(v.video_id)}`);
  };

  const remove = async (id: string) => {
    if (!(await confirm(t('confirm.delete'), t('confirm.deleteOk')))) return;
    setActionError(null);
    try {
      await api.deleteVideo(id);
      setData((d) => (d ? { ...d, items: d.items.filter((v) => v.video_id !== id), total: Math.max(0, d.total - 1) } : d));
      setParam({ play: null }, true);
    } catch (e) {
      setActionError(e);
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

      {error != null && (
        <p className="error-banner" role="alert" data-testid="library-error">
          {errorText(error, t)}
        </p>
      )}
      {actionError != null && !playing && (
        <p className="error-banner" role="alert" data-testid="action-error">
          {errorText(actionError, t)}
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
                <button type="button" className="video-card-main" onClick={() => open(v)}>
                  <div className="thumb">
                    {v.thumbnail_url ? (
                      <img src={api.link(v.thumbnail_url)} alt="" loading="lazy" width={180} height={320} />
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
                    <h2 className="video-card-title" data-testid="card-theme" id={`card-title-${v.video_id}`}>
                      {v.theme}
                    </h2>
                    <p className="muted small">
                      <time dateTime={v.created_at}>{formatDate(v.created_at, lang)}</time> ·{' '}
                      <span data-testid="card-duration">{v.duration_seconds ?? v.target_duration} s</span>
                      {v.partial && <span className="card-partial"> · {t('library.partial')}</span>} · {v.language.toUpperCase()}
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
        <Dialog labelledBy="player-title" onClose={closePlayer} className="player-modal" testId="player-modal">
          <div className="label-row">
            <h2 className="modal-title" id="player-title">
              {playingTheme}
            </h2>
            <button type="button" className="btn btn-ghost btn-small" data-testid="player-close" aria-label={t('action.close')} onClick={closePlayer}>
              ✕
            </button>
          </div>
          <RenewingVideo testId="video-player" src={playerSrc} autoPlay label={t('player.title', { theme: playingTheme })} onExpired={() => (playingItem ? setTick((n) => n + 1) : setDetailTick((n) => n + 1))} />
          {actionError != null && (
            <p className="error-banner" role="alert" data-testid="action-error">
              {errorText(actionError, t)}
            </p>
          )}
          <div className="actions">
            <a className="btn btn-primary" href={downloadHref} download data-testid="download-link">
              {t('action.download')}
            </a>
            <Link className="btn" to={`/videos/${encodeURIComponent(playing)}`} data-testid="details-link">
              {t('action.details')}
            </Link>
            <button type="button" className="btn btn-danger" data-testid="delete-button" onClick={() => remove(playing)}>
              {t('action.delete')}
            </button>
          </div>
        </Dialog>
      )}
      {confirmElement}
    </div>
  );
}

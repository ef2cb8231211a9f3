import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSession } from '../auth';
import { errorText } from '../errors';
import { formatSeconds } from '../format';
import { useUpload } from '../hooks/useUpload';
import { useI18n, type Translate } from '../i18n';
import { acceptOf, AUDIO_UPLOAD, checkUpload, maxMegabytes } from '../media';
import { MUSIC_VOLUME_MAX } from '../output';
import { api, ApiError } from '../services/api';
import type { MusicTrack } from '../types';
import { useConfirm } from './ConfirmDialog';
import { FieldError } from './FieldError';
import { UploadProgress } from './UploadProgress';

const MOOD = /^[a-z0-9][a-z0-9-]{0,23}$/;
const MAX_MOODS = 8;
const TITLE_MAX = 120;

interface Props {
  music: string;
  volume: number;
  onChange: (patch: { music?: string; music_volume?: number }) => void;
  /** Field errors by API name (`music`, `music_volume`). */
  errors: Record<string, string>;
}

/** The library's moods, each once, sorted. */
export function moodsOf(tracks: MusicTrack[]): string[] {
  return [...new Set(tracks.flatMap((tr) => tr.moods))].sort();
}

/** "calm, Epic ,, sea" → ["calm", "epic", "sea"]; null when one is not a mood the server takes. */
export function parseMoods(text: string): string[] | null {
  const moods = [...new Set(text.split(',').map((m) => m.trim().toLowerCase()).filter(Boolean))];
  return moods.length <= MAX_MOODS && moods.every((m) => MOOD.test(m)) ? moods : null;
}

/** What the upload's answer or the file check means, in the page's language. */
function uploadError(e: unknown, t: Translate): string {
  if (e instanceof ApiError && e.status === 413) return t('music.tooBig', { max: maxMegabytes(AUDIO_UPLOAD) });
  if (e instanceof ApiError && e.status === 400 && !e.field) return t('music.unreadable');
  return errorText(e, t);
}

/** Music under the voice: none, a mood (a random library track of it) or one track, its volume, and uploads. */
export function MusicPicker({ music, volume, onChange, errors }: Props) {
  const { t } = useI18n();
  const admin = useSession()?.user.role === 'admin';
  const [tracks, setTracks] = useState<MusicTrack[] | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [confirmElement, confirm] = useConfirm();
  const addButton = useRef<HTMLButtonElement>(null);

  const load = (signal?: AbortSignal) =>
    api.listMusic(signal).then(
      (items) => {
        setTracks(items);
        setLoadError(null);
      },
      (e: unknown) => {
        if (signal?.aborted) return;
        if (e instanceof ApiError && e.status === 404) setUnsupported(true);
        else setLoadError(e);
      },
    );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, []);

  if (unsupported) return null;
  const selected = tracks?.find((tr) => tr.id === music) ?? null;
  const remove = async (track: MusicTrack) => {
    if (!(await confirm(t('music.confirmDelete', { title: track.title }), t('music.delete')))) return;
    try {
      await api.deleteMusic(track.id);
      if (music === track.id) onChange({ music: 'none' });
      await load();
    } catch (e) {
      setLoadError(e);
    }
  };

  return (
    <div className="music-picker" data-testid="music-picker">
      <div className="grid-2">
        <div className="field" id="field-music">
          <label htmlFor="input-music">{t('music.label')}</label>
          <select id="input-music" data-testid="music-select" value={music} aria-invalid={Boolean(errors.music)} aria-describedby={errors.music ? 'error-music' : undefined} onChange={(e) => onChange({ music: e.target.value })}>
            <option value="none">{t('music.none')}</option>
            {tracks && moodsOf(tracks).length > 0 && (
              <optgroup label={t('music.byMood')}>
                {moodsOf(tracks).map((m) => (
                  <option key={m} value={`mood:${m}`}>
                    {t('music.mood', { mood: m })}
                  </option>
                ))}
              </optgroup>
            )}
            {tracks && tracks.length > 0 && (
              <optgroup label={t('music.library')}>
                {tracks.map((tr) => (
                  <option key={tr.id} value={tr.id}>
                    {tr.title} ({formatSeconds(tr.duration_seconds, t)})
                  </option>
                ))}
              </optgroup>
            )}
            {music !== 'none' && tracks && !selected && !music.startsWith('mood:') && <option value={music}>{t('music.unknown')}</option>}
          </select>
          {tracks && tracks.length === 0 && <p className="muted small hint">{t('music.empty')}</p>}
          <FieldError errors={errors} name="music" />
        </div>
        {music !== 'none' && (
          <div className="field" id="field-music_volume">
            <div className="label-row">
              <label htmlFor="input-music-volume">{t('music.volume')}</label>
              <output htmlFor="input-music-volume" data-testid="music-volume-value">
                {volume} %
              </output>
            </div>
            <input id="input-music-volume" type="range" min={0} max={MUSIC_VOLUME_MAX} step={5} data-testid="music-volume" value={volume} onChange={(e) => onChange({ music_volume: Number(e.target.value) })} />
            <p className="muted small hint">{t('music.volume.hint')}</p>
            <FieldError errors={errors} name="music_volume" />
          </div>
        )}
      </div>
      {loadError != null && (
        <p className="error-text small" role="alert">
          {errorText(loadError, t)}
        </p>
      )}
      <div className="story-actions">
        {!adding && (
          <button type="button" className="btn btn-small" data-testid="music-add" ref={addButton} onClick={() => setAdding(true)}>
            {t('music.add')}
          </button>
        )}
        {admin && selected && (
          <button type="button" className="btn btn-small btn-ghost" data-testid="music-delete" onClick={() => void remove(selected)}>
            {t('music.deleteNamed', { title: selected.title })}
          </button>
        )}
      </div>
      {adding && (
        <MusicUpload
          onDone={(track) => {
            setAdding(false);
            if (track) {
              setTracks((ts) => [...(ts ?? []).filter((x) => x.id !== track.id), track]);
              onChange({ music: track.id });
            }
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      )}
      {confirmElement}
    </div>
  );
}

/** Adds a track to the library: the file, a title (the file's name by default) and moods. */
function MusicUpload({ onDone }: { onDone: (track: MusicTrack | null) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [moods, setMoods] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upload = useUpload();
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => fileInput.current?.focus(), []);

  const choose = (f: File | null) => {
    setFile(f);
    upload.clearError();
    setErrors({});
    if (f && !title.trim()) setTitle([...f.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ')].slice(0, TITLE_MAX).join(''));
  };

  const submit = async () => {
    const found: Record<string, string> = {};
    const check = file ? checkUpload(file, AUDIO_UPLOAD) : null;
    if (!file) found.file = t('music.file.required');
    else if (check && !check.ok) found.file = check.problem === 'size' ? t('music.tooBigFile', { max: maxMegabytes(AUDIO_UPLOAD), size: check.megabytes }) : t('music.type');
    if (!title.trim() || [...title.trim()].length > TITLE_MAX) found.title = t('music.title.rule', { max: TITLE_MAX });
    const parsed = parseMoods(moods);
    if (parsed == null) found.moods = t('music.moods.rule', { max: MAX_MOODS });
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !check?.ok || parsed == null) return;
    const track = await upload.start((onProgress, signal) => api.uploadMusic(file, title.trim(), parsed, { contentType: check.contentType, onProgress, signal }));
    if (track) onDone(track);
  };

  // This panel sits inside the Create form (forms cannot nest): Enter in its fields uploads, it does not create the video.
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      void submit();
    }
  };

  const busy = upload.progress != null;
  return (
    <div className="subpanel" data-testid="music-upload" role="group" aria-labelledby="music-upload-title" onKeyDown={onKey}>
      <h3 id="music-upload-title">{t('music.upload.title')}</h3>
      <div className="field">
        <label htmlFor="music-file">{t('music.file', { max: maxMegabytes(AUDIO_UPLOAD) })}</label>
        <input id="music-file" ref={fileInput} type="file" accept={acceptOf(AUDIO_UPLOAD)} data-testid="music-file" disabled={busy} aria-invalid={Boolean(errors.file)} aria-describedby={errors.file ? 'error-music-file' : undefined} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        {errors.file && <p className="field-error" role="alert" id="error-music-file">{errors.file}</p>}
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="music-title">{t('music.title')}</label>
          <input id="music-title" data-testid="music-title" value={title} disabled={busy} aria-invalid={Boolean(errors.title)} aria-describedby={errors.title ? 'error-music-title' : undefined} onChange={(e) => setTitle(e.target.value)} />
          {errors.title && <p className="field-error" role="alert" id="error-music-title">{errors.title}</p>}
        </div>
        <div className="field">
          <label htmlFor="music-moods">{t('music.moods')}</label>
          <input id="music-moods" data-testid="music-moods" value={moods} placeholder={t('music.moods.placeholder')} disabled={busy} aria-invalid={Boolean(errors.moods)} aria-describedby={errors.moods ? 'error-music-moods' : 'music-moods-hint'} onChange={(e) => setMoods(e.target.value)} />
          {errors.moods ? <p className="field-error" role="alert" id="error-music-moods">{errors.moods}</p> : <p className="muted small hint" id="music-moods-hint">{t('music.moods.hint')}</p>}
        </div>
      </div>
      {busy && file && <UploadProgress name={file.name} fraction={upload.progress ?? 0} onStop={upload.stop} testId="music-upload-progress" />}
      {upload.error != null && (
        <p className="error-text small" role="alert" data-testid="music-upload-error">
          {uploadError(upload.error, t)}
        </p>
      )}
      <div className="story-actions">
        <button type="button" className="btn btn-small btn-primary" data-testid="music-upload-submit" disabled={busy} onClick={() => void submit()}>
          {t('music.upload')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => onDone(null)}>
          {t('action.back')}
        </button>
      </div>
    </div>
  );
}

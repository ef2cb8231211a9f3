import { useRef, useState } from 'react';
import { errorText } from '../errors';
import { useUpload } from '../hooks/useUpload';
import { useI18n, type Translate } from '../i18n';
import { acceptOf, checkUpload, fileName, maxMegabytes, MEDIA_UPLOAD } from '../media';
import { api, ApiError } from '../services/api';
import type { BlockMedia, VideoDetail } from '../types';
import { UploadProgress } from './UploadProgress';

interface Props {
  video: VideoDetail;
  index: number;
  media: BlockMedia | null | undefined;
  /** Why the media cannot be changed right now (e.g. unsaved script edits), shown instead of the controls. */
  blockedReason?: string | null;
  onChanged: (detail: VideoDetail) => void;
}

/** What an upload's or a removal's failure means, in the page's language. */
function mediaError(e: unknown, t: Translate): string {
  if (e instanceof ApiError && e.status === 413) return t('media.tooBig', { max: maxMegabytes(MEDIA_UPLOAD) });
  if (e instanceof ApiError && e.status === 400 && !e.field) return t('media.unreadable');
  if (e instanceof ApiError && e.status === 409) return t('media.busy');
  return errorText(e, t);
}

/** "Your media · $0" line of a block made from the person's own file. */
export function MediaBadge({ media, index }: { media: BlockMedia; index: number }) {
  const { t } = useI18n();
  const what = media.kind === 'image' ? t('media.kind.image') : media.keep_sound ? t('media.kind.videoSound') : t('media.kind.video');
  return (
    <p className="media-badge" data-testid={`media-badge-${index}`}>
      <strong>{t('media.yours')}</strong> <span className="muted small">· {media.name} · {what}</span>
    </p>
  );
}

/**
 * "Use my own clip or photo" for one block: choose a file, keep a video's sound or not, upload with progress
 * (stoppable), then the block is made from it at $0; remove it to go back to the clip provider.
 */
export function BlockMediaControl({ video, index, media, blockedReason, onChanged }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [keepSound, setKeepSound] = useState(video.mode === 'native_audio');
  const [checkError, setCheckError] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);
  const upload = useUpload();
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const id = `media-${index}`;

  const choose = (f: File | null) => {
    upload.clearError();
    setRemoveError(null);
    if (!f) return;
    const check = checkUpload(f, MEDIA_UPLOAD);
    if (!check.ok) {
      setFile(null);
      setCheckError(check.problem === 'size' ? t('media.tooBigFile', { max: maxMegabytes(MEDIA_UPLOAD), size: check.megabytes }) : t('media.type'));
      return;
    }
    setCheckError(null);
    setFile(f);
    requestAnimationFrame(() => uploadButton.current?.focus());
  };
  const send = async () => {
    if (!file) return;
    const check = checkUpload(file, MEDIA_UPLOAD);
    if (!check.ok) return;
    const isVideo = check.contentType.startsWith('video/');
    const detail = await upload.start((onProgress, signal) =>
      api.uploadBlockMedia(video.video_id, index, file, fileName(file), isVideo && keepSound, { contentType: check.contentType, onProgress, signal }),
    );
    if (detail) {
      setFile(null);
      if (input.current) input.current.value = '';
      onChanged(detail);
      // The Upload button is gone: the keyboard goes on from "Replace my file".
      requestAnimationFrame(() => chooseButton.current?.focus());
    }
  };
  const remove = async () => {
    setRemoving(true);
    setRemoveError(null);
    try {
      onChanged(await api.removeBlockMedia(video.video_id, index));
      requestAnimationFrame(() => chooseButton.current?.focus());
    } catch (e) {
      setRemoveError(e);
    } finally {
      setRemoving(false);
    }
  };

  const busy = upload.progress != null || removing;
  const isVideo = file ? (checkUpload(file, MEDIA_UPLOAD) as { contentType?: string }).contentType?.startsWith('video/') : false;
  const error = checkError ?? (upload.error != null ? mediaError(upload.error, t) : removeError != null ? mediaError(removeError, t) : null);
  return (
    <div className="block-media" data-testid={`block-media-${index}`}>
      {media && <MediaBadge media={media} index={index} />}
      {blockedReason ? (
        <p className="muted small">{blockedReason}</p>
      ) : (
        <>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            className="sr-only"
            tabIndex={-1}
            accept={acceptOf(MEDIA_UPLOAD)}
            data-testid={`media-file-${index}`}
            aria-label={t('media.choose', { n: index })}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {file && upload.progress == null && (
            <div className="media-chosen" role="group" aria-label={t('media.chosen', { n: index })}>
              <p className="small">
                {t('media.file', { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}
              </p>
              {isVideo && (
                <label className="check small">
                  <input type="checkbox" data-testid={`media-keep-sound-${index}`} checked={keepSound} onChange={(e) => setKeepSound(e.target.checked)} />
                  {t('media.keepSound')}
                </label>
              )}
              <div className="story-actions">
                <button type="button" ref={uploadButton} className="btn btn-small btn-primary" data-testid={`media-upload-${index}`} aria-label={`${t('media.upload')} (${t('create.script.block', { n: index })})`} onClick={() => void send()}>
                  {t('media.upload')}
                </button>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => { setFile(null); if (input.current) input.current.value = ''; requestAnimationFrame(() => chooseButton.current?.focus()); }}>
                  {t('action.back')}
                </button>
              </div>
            </div>
          )}
          {upload.progress != null && file && <UploadProgress name={file.name} fraction={upload.progress} onStop={upload.stop} testId={`media-progress-${index}`} />}
          {!file && upload.progress == null && (
            <div className="story-actions">
              <button type="button" ref={chooseButton} className="btn btn-small" data-testid={`media-choose-${index}`} disabled={busy} aria-label={`${media ? t('media.replace') : t('media.use')} (${t('create.script.block', { n: index })})`} onClick={() => input.current?.click()}>
                {media ? t('media.replace') : t('media.use')}
              </button>
              {media && (
                <button type="button" className="btn btn-small btn-ghost" data-testid={`media-remove-${index}`} disabled={busy} aria-label={`${t('media.remove')} (${t('create.script.block', { n: index })})`} onClick={() => void remove()}>
                  {t('media.remove')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      {error && (
        <p className="error-text small" role="alert" data-testid={`media-error-${index}`}>
          {error}
        </p>
      )}
    </div>
  );
}

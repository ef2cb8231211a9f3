import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { captionLines, checkWords, draftOf, WORD_MAX, wordInput, type WordDraft } from '../captions';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { api, ApiError } from '../services/api';
import type { VideoDetail } from '../types';
import { Dialog } from './Dialog';

interface Props {
  video: VideoDetail;
  onClose: () => void;
  /** The captions were accepted: the server's document (assembling again). */
  onSaved: (detail: VideoDetail) => void;
}

/** The video's real length, when the document says it. */
function durationMs(video: VideoDetail): number | null {
  const seconds = video.result?.duration_seconds ?? video.blocks.reduce((s, b) => s + b.duration, 0);
  return seconds > 0 ? Math.round(seconds * 1000) : null;
}

/**
 * The burned-in caption words of a finished video, in lines, each word's text and times editable; Save sends
 * them and the video is assembled again with them (nothing is paid).
 */
export function CaptionsDialog({ video, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<WordDraft[] | null>(null);
  const [original, setOriginal] = useState<WordDraft[]>([]);
  const [edited, setEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    api.getCaptions(video.video_id, ctrl.signal).then(
      (c) => {
        const d = c.words.map(draftOf);
        setDrafts(d);
        setOriginal(d);
        setEdited(c.edited);
      },
      (e: unknown) => !ctrl.signal.aborted && setError(e),
    );
    return () => ctrl.abort();
  }, [video.video_id]);

  const lines = useMemo(() => {
    if (!drafts) return [];
    // Grouped as loaded: lines do not jump around while a time is being typed.
    return captionLines(original.map((d) => ({ text: d.text, start_ms: Number(d.start) * 1000, end_ms: Number(d.end) * 1000 })));
  }, [original]);
  const changed = drafts != null && drafts.some((d, i) => d.text !== original[i]?.text || d.start !== original[i]?.start || d.end !== original[i]?.end);

  const change = (i: number, patch: Partial<WordDraft>) => {
    setDrafts((ds) => ds && ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !k.startsWith(`words[${i}].`))));
  };
  const focusField = (field: string) => {
    const id = wordInput(field);
    if (id) requestAnimationFrame(() => document.getElementById(`cap-${id}`)?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!drafts) return;
    const checked = checkWords(drafts, durationMs(video), t);
    setErrors(checked.errors);
    setError(null);
    const first = Object.keys(checked.errors)[0];
    if (first) {
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.saveCaptions(video.video_id, checked.words));
      onClose();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 400 && err.field && wordInput(err.field)) {
        setErrors({ [err.field]: err.rule ?? err.problem.detail ?? err.problem.title });
        focusField(err.field);
      } else {
        setError(err);
      }
    }
  };

  const input = (i: number, part: 'text' | 'start' | 'end', field: string, label: string, value: string, onValue: (v: string) => void) => {
    const id = `cap-${i}-${part}`;
    const message = errors[field];
    return (
      <span className={`caption-input caption-${part}`}>
        <input
          id={id}
          data-testid={`caption-word-${i}-${part}`}
          value={value}
          aria-label={label}
          inputMode={part === 'text' ? undefined : 'decimal'}
          maxLength={part === 'text' ? WORD_MAX + 8 : 8}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : undefined}
          disabled={busy}
          onChange={(e) => onValue(e.target.value)}
        />
        {message && (
          <span className="field-error small" id={`${id}-error`} role="alert" data-testid={`caption-error-${i}-${part}`}>
            {message}
          </span>
        )}
      </span>
    );
  };

  return (
    <Dialog labelledBy="captions-title" describedBy="captions-hint" onClose={onClose} className="modal-wide" testId="captions-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="captions-title">{t('captions.title')}</h2>
        <p className="muted small" id="captions-hint">
          {t('captions.hint')}
          {edited && ` ${t('captions.edited')}`}
        </p>
        {!drafts && error == null && <p className="muted">{t('progress.loading')}</p>}
        {drafts && drafts.length === 0 && <p className="muted">{t('captions.empty')}</p>}
        {drafts && drafts.length > 0 && (
          <ol className="caption-lines" data-testid="caption-lines">
            {lines.map((line, li) => {
              const first = drafts[line[0]!]!;
              const last = drafts[line[line.length - 1]!]!;
              return (
                <li key={li} className="caption-line" data-testid={`caption-line-${li}`}>
                  <p className="muted small caption-line-time">
                    {t('captions.line', { n: li + 1, from: first.start, to: last.end })}
                  </p>
                  <ul className="caption-words">
                    {line.map((i) => {
                      const d = drafts[i]!;
                      const n = i + 1;
                      return (
                        <li key={i} className="caption-word">
                          {input(i, 'text', `words[${i}].text`, t('captions.word.text', { n }), d.text, (v) => change(i, { text: v }))}
                          <span className="caption-times">
                            {input(i, 'start', `words[${i}].start_ms`, t('captions.word.start', { n }), d.start, (v) => change(i, { start: v }))}
                            <span aria-hidden="true">–</span>
                            {input(i, 'end', `words[${i}].end_ms`, t('captions.word.end', { n }), d.end, (v) => change(i, { end: v }))}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ol>
        )}
        {error != null && (
          <p className="error-banner" role="alert" data-testid="captions-error">
            {error instanceof ApiError && error.status === 404 ? t('captions.unavailable') : errorText(error, t)}
          </p>
        )}
        <div className="row-end sticky-dialog-actions">
          <button type="button" className="btn btn-ghost" data-testid="captions-cancel" onClick={onClose}>
            {t('action.back')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="captions-save" disabled={busy || !changed}>
            {busy ? t('captions.saving') : t('captions.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

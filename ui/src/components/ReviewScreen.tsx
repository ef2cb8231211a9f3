import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../errors';
import { formatUsd } from '../format';
import { useI18n } from '../i18n';
import { api } from '../services/api';
import { allowedLengths, type BlockMedia, type ClipLengths, type ReviewBlock, type ReviewScript, type VideoDetail } from '../types';
import { BlockMediaControl } from './BlockMediaControl';
import { useConfirm } from './ConfirmDialog';

interface EditedBlock extends ReviewBlock {
  key: number;
  /** The person's own file for this block when the script was loaded (it moves with the block while editing). */
  media?: BlockMedia | null;
}

let nextKey = 0;
const keyed = (blocks: ReviewBlock[], video: VideoDetail): EditedBlock[] =>
  blocks.map((b) => ({ ...b, key: ++nextKey, media: video.blocks.find((v) => v.index === b.index)?.media ?? null }));

/** The script the PUT sends: blocks renumbered in their shown order. */
export function scriptBody(title: string, styleGuide: string, blocks: EditedBlock[]) {
  return {
    title,
    style_guide: styleGuide,
    blocks: blocks.map((b, i) => ({
      index: i + 1,
      duration: b.duration,
      visual_prompt: b.visual_prompt,
      spoken_text: b.spoken_text,
      on_screen_text: b.on_screen_text && b.on_screen_text.trim() ? b.on_screen_text : null,
      emphasis: b.emphasis ?? [],
    })),
  };
}

/**
 * The estimate of an edited script before the server prices it: the saved estimate scaled by the blocks' total
 * length (clips are billed per second; the script step is already paid).
 */
export function scaledEstimate(saved: ReviewScript | null, seconds: number): number | null {
  if (!saved || saved.estimate_usd == null) return null;
  const savedSeconds = saved.blocks.reduce((s, b) => s + b.duration, 0);
  return savedSeconds > 0 ? (saved.estimate_usd * seconds) / savedSeconds : saved.estimate_usd;
}

interface Props {
  video: VideoDetail;
  onApproved: (detail: VideoDetail) => void;
  /** A block's own media was uploaded or removed: the server's new document. */
  onVideo: (detail: VideoDetail) => void;
}

/** awaiting_approval: each block's texts, prompt, length and cost; edit, add, remove, reorder, rewrite, approve. */
export function ReviewScreen({ video, onApproved, onVideo }: Props) {
  const { t, lang } = useI18n();
  const [saved, setSaved] = useState<ReviewScript | null>(null);
  const [title, setTitle] = useState('');
  const [styleGuide, setStyleGuide] = useState('');
  const [blocks, setBlocks] = useState<EditedBlock[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState(false);
  const [busy, setBusy] = useState(false);
  const [lengths, setLengths] = useState<ClipLengths | null>(null);
  const [confirmElement, confirm] = useConfirm();

  const adopt = (s: ReviewScript) => {
    setSaved(s);
    setTitle(s.title);
    setStyleGuide(s.style_guide);
    setBlocks(keyed(s.blocks, video));
    setDirty(false);
  };

  useEffect(() => {
    const ctrl = new AbortController();
    api.getScript(video.video_id, ctrl.signal).then(adopt, (e: unknown) => !ctrl.signal.aborted && setError(e));
    api
      .estimate(
        { theme: video.theme, target_duration: video.target_duration, style: video.style, language: video.language, mode: video.mode, clip_strategy: video.clip_strategy },
        ctrl.signal,
      )
      .then((e) => setLengths(e.clip_lengths ?? null), () => undefined);
    return () => ctrl.abort();
  }, [video.video_id]);

  // A block's media changed on the server: show it on the saved blocks (unsaved edits keep theirs until saved).
  const mediaKey = video.blocks.map((b) => `${b.index}:${b.media?.name ?? ''}:${b.media?.keep_sound ?? ''}`).join('|');
  useEffect(() => {
    if (!dirty) setBlocks((bs) => bs.map((b, i) => ({ ...b, media: video.blocks.find((v) => v.index === i + 1)?.media ?? null })));
  }, [mediaKey]);

  const choices = useMemo(() => allowedLengths(lengths), [lengths]);
  const seconds = blocks.reduce((s, b) => s + b.duration, 0);
  // Blocks made from the person's own files cost nothing: the clips' estimate is shared by the others.
  const paidSeconds = blocks.reduce((s, b) => s + (b.media ? 0 : b.duration), 0);
  const estimate = dirty ? scaledEstimate(saved, seconds) : saved?.estimate_usd ?? null;
  const editable = saved?.editable !== false;

  const change = (i: number, patch: Partial<EditedBlock>) => {
    setBlocks((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)));
    setDirty(true);
    setNotice(false);
  };
  const move = (i: number, by: number) => {
    setBlocks((bs) => {
      const next = [...bs];
      const [b] = next.splice(i, 1);
      if (b) next.splice(i + by, 0, b);
      return next;
    });
    setDirty(true);
  };
  const add = () => {
    setBlocks((bs) => [...bs, { index: bs.length + 1, key: ++nextKey, duration: choices.includes(6) ? 6 : (choices[0] ?? 6), visual_prompt: '', spoken_text: '', on_screen_text: null, emphasis: [] }]);
    setDirty(true);
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = () => api.saveScript(video.video_id, scriptBody(title, styleGuide, blocks)).then(adopt);
  const rewrite = (n: number) =>
    act(async () => {
      if (dirty) await save();
      adopt(await api.rewriteBlock(video.video_id, n));
    });
  const approve = () =>
    act(async () => {
      if (!(await confirm(t('confirm.approve', { usd: formatUsd(estimate ?? 0, lang) }), t('review.approve')))) return;
      if (dirty) await save();
      onApproved(await api.approve(video.video_id));
    });

  if (!saved) {
    return (
      <section className="card" data-testid="review-screen">
        {error != null ? <p className="error-banner" role="alert">{errorText(error, t)}</p> : <p className="muted">{t('progress.loading')}</p>}
      </section>
    );
  }
  const fieldError = (name: string) => (error instanceof Error && 'field' in error && (error as { field?: string }).field === name ? errorText(error, t) : null);

  return (
    <section className="card review" data-testid="review-screen" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <p className="muted">{editable ? t('review.intro') : t('review.readOnly')}</p>
      <div className="field">
        <label htmlFor="review-script-title">{t('create.script.title')}</label>
        <input id="review-script-title" data-testid="review-title" value={title} disabled={!editable} onChange={(e) => { setTitle(e.target.value); setDirty(true); }} />
      </div>
      <ol className="review-blocks">
        {blocks.map((b, i) => {
          const n = i + 1;
          const share = b.media ? null : estimate != null && paidSeconds > 0 ? (estimate * b.duration) / paidSeconds : null;
          return (
            <li key={b.key} className="review-block" data-testid={`review-block-${n}`}>
              <div className="label-row">
                <h3>{t('create.script.block', { n })}</h3>
                <span className="muted small" data-testid={`review-cost-${n}`}>
                  {b.media ? t('studio.blockCost', { usd: formatUsd(0, lang) }) : share != null ? t('studio.blockCost', { usd: formatUsd(share, lang) }) : ''}
                </span>
              </div>
              <div className="grid-2">
                <div className="field">
                  <label htmlFor={`review-duration-${n}`}>{t('review.length', { n })}</label>
                  <select id={`review-duration-${n}`} data-testid={`review-duration-${n}`} value={b.duration} disabled={!editable} onChange={(e) => change(i, { duration: Number(e.target.value) })}>
                    {(choices.includes(b.duration) ? choices : [...choices, b.duration].sort((x, y) => x - y)).map((d) => (
                      <option key={d} value={d}>
                        {d} s
                      </option>
                    ))}
                  </select>
                  {fieldError(`blocks[${n}].duration`) && <p className="field-error" role="alert">{fieldError(`blocks[${n}].duration`)}</p>}
                </div>
                <div className="field">
                  <label htmlFor={`review-onscreen-${n}`}>{t('create.script.onScreenText')}</label>
                  <input id={`review-onscreen-${n}`} data-testid={`review-onscreen-${n}`} value={b.on_screen_text ?? ''} disabled={!editable} onChange={(e) => change(i, { on_screen_text: e.target.value })} />
                </div>
              </div>
              <div className="field">
                <label htmlFor={`review-spoken-${n}`}>{t('create.script.spokenText')}</label>
                <textarea id={`review-spoken-${n}`} data-testid={`review-spoken-${n}`} rows={2} value={b.spoken_text} disabled={!editable} onChange={(e) => change(i, { spoken_text: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`review-visual-${n}`}>{t('create.script.visualPrompt')}</label>
                <textarea id={`review-visual-${n}`} data-testid={`review-visual-${n}`} rows={2} value={b.visual_prompt} disabled={!editable} onChange={(e) => change(i, { visual_prompt: e.target.value })} />
              </div>
              {editable && (
                <BlockMediaControl video={video} index={n} media={b.media} blockedReason={dirty ? t('media.saveFirst') : null} onChanged={onVideo} />
              )}
              {editable && (
                <div className="story-actions">
                  <button type="button" className="btn btn-small" data-testid={`review-rewrite-${n}`} disabled={busy} onClick={() => rewrite(n)}>
                    {t('review.rewrite')}
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" aria-label={t('review.moveUp', { n })} disabled={busy || i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" aria-label={t('review.moveDown', { n })} disabled={busy || i === blocks.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" data-testid={`review-remove-${n}`} aria-label={t('create.script.removeBlock', { n })} disabled={busy || blocks.length <= 1} onClick={() => { setBlocks((bs) => bs.filter((_, j) => j !== i)); setDirty(true); }}>
                    ✕
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <button type="button" className="btn" data-testid="review-add" disabled={busy} onClick={add}>
          + {t('create.script.addBlock')}
        </button>
      )}
      <p className="review-summary" data-testid="review-total">
        {t('review.total', { total: seconds, target: video.target_duration })} ·{' '}
        <strong data-testid="review-estimate">{t('review.estimate', { usd: formatUsd(estimate, lang) })}</strong>
        {dirty && <span className="muted small"> · {t('review.unsaved')}</span>}
      </p>
      {error != null && (
        <p className="error-banner" role="alert" data-testid="review-error">
          {errorText(error, t)}
        </p>
      )}
      {notice && <p role="status">{t('review.saved')}</p>}
      {editable && (
        <div className="row-end">
          <button type="button" className="btn" data-testid="review-save" disabled={busy || !dirty} onClick={() => act(async () => { await save(); setNotice(true); })}>
            {t('review.save')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="approve-button" disabled={busy} onClick={approve}>
            {t('review.approve')}
          </button>
        </div>
      )}
      {confirmElement}
    </section>
  );
}

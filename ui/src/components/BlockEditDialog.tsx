import { useState, type FormEvent } from 'react';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import type { VideoBlock } from '../types';
import { Dialog } from './Dialog';

interface Props {
  block: VideoBlock;
  onSave: (edit: { visual_prompt: string; spoken_text: string; on_screen_text: string }) => Promise<void>;
  onClose: () => void;
}

/** Change one block's prompt and texts, then regenerate only it. */
export function BlockEditDialog({ block, onSave, onClose }: Props) {
  const { t } = useI18n();
  const [visual, setVisual] = useState(block.visual_prompt);
  const [spoken, setSpoken] = useState(block.spoken_text);
  const [onScreen, setOnScreen] = useState(block.on_screen_text ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ visual_prompt: visual.trim(), spoken_text: spoken.trim(), on_screen_text: onScreen.trim() });
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog labelledBy="edit-block-title" onClose={onClose} testId="edit-block-dialog">
      <form className="form" onSubmit={submit}>
        <h2 id="edit-block-title">{t('studio.edit.title', { n: block.index })}</h2>
        <p className="muted small">{t('studio.edit.hint')}</p>
        <div className="field">
          <label htmlFor="edit-visual">{t('create.script.visualPrompt')}</label>
          <textarea id="edit-visual" data-testid="edit-visual" rows={3} value={visual} onChange={(e) => setVisual(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="edit-spoken">{t('create.script.spokenText')}</label>
          <textarea id="edit-spoken" data-testid="edit-spoken" rows={3} value={spoken} onChange={(e) => setSpoken(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="edit-onscreen">{t('create.script.onScreenText')}</label>
          <input id="edit-onscreen" data-testid="edit-onscreen" value={onScreen} onChange={(e) => setOnScreen(e.target.value)} />
        </div>
        {error != null && (
          <p className="error-banner" role="alert" data-testid="edit-error">
            {errorText(error, t)}
          </p>
        )}
        <div className="row-end">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('action.back')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="edit-save" disabled={busy || !visual.trim() || !spoken.trim()}>
            {t('studio.edit.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

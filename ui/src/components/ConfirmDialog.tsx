import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';

interface Pending {
  message: string;
  confirmLabel: string | null;
  resolve: (ok: boolean) => void;
}

/**
 * An in-page confirmation (not window.confirm, so end-to-end tests can click it). Focus starts on the safe
 * choice (Cancel): Enter on an unread dialog never deletes anything. Escape and the backdrop cancel.
 * Returns the element to render and `ask(message, confirmLabel?)`, which resolves to true on confirm.
 */
export function useConfirm(): [ReactNode, (message: string, confirmLabel?: string) => Promise<boolean>] {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const ask = useCallback(
    (message: string, confirmLabel?: string) =>
      new Promise<boolean>((resolve) => {
        setPending({ message, confirmLabel: confirmLabel ?? null, resolve });
      }),
    [],
  );

  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };

  const element = pending ? (
    <Dialog role="alertdialog" labelledBy="confirm-message" onClose={() => close(false)} className="modal-small" testId="confirm-dialog" initialFocus={cancelRef}>
      <p id="confirm-message">{pending.message}</p>
      <div className="row-end">
        <button type="button" className="btn btn-ghost" data-testid="confirm-cancel" ref={cancelRef} onClick={() => close(false)}>
          {t('action.back')}
        </button>
        <button type="button" className="btn btn-danger" data-testid="confirm-ok" onClick={() => close(true)}>
          {pending.confirmLabel ?? t('action.confirm')}
        </button>
      </div>
    </Dialog>
  ) : null;

  return [element, ask];
}

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Pending {
  message: string;
  resolve: (ok: boolean) => void;
}

/**
 * An in-page confirmation (not window.confirm, so end-to-end tests can click it).
 * Returns the element to render and `ask(message)` which resolves to true on confirm.
 */
export function useConfirm(): [ReactNode, (message: string) => Promise<boolean>] {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const okRef = useRef<HTMLButtonElement>(null);

  const ask = useCallback(
    (message: string) =>
      new Promise<boolean>((resolve) => {
        setPending({ message, resolve });
      }),
    [],
  );

  const close = useCallback(
    (ok: boolean) => {
      pending?.resolve(ok);
      setPending(null);
    },
    [pending],
  );

  useEffect(() => {
    if (!pending) return;
    okRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, close]);

  const element = pending ? (
    <div className="modal-backdrop" onClick={() => close(false)}>
      <div
        className="modal modal-small"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-message"
        data-testid="confirm-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <p id="confirm-message">{pending.message}</p>
        <div className="row-end">
          <button type="button" className="btn btn-ghost" data-testid="confirm-cancel" onClick={() => close(false)}>
            {t('action.back')}
          </button>
          <button type="button" className="btn btn-danger" data-testid="confirm-ok" ref={okRef} onClick={() => close(true)}>
            {t('action.confirm')}
          </button>
        </div>
      </div>
    </div>
  ) : null;

  return [element, ask];
}

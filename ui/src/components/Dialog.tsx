import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/** Open dialogs, innermost last: only the innermost one answers Tab and Escape (a confirmation over a player). */
const open: symbol[] = [];

/**
 * Keeps keyboard focus inside a modal while it is open: focus moves in (to `initial`, else the first control),
 * Tab and Shift+Tab cycle within it, Escape closes it, and on close focus returns to whatever opened it.
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  onClose: () => void,
  initial?: RefObject<HTMLElement | null>,
): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const me = Symbol('dialog');
    open.push(me);
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = container.current;
    const focusables = () => (root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : []);
    (initial?.current ?? focusables()[0] ?? root)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (open[open.length - 1] !== me) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        close.current();
        return;
      }
      if (e.key !== 'Tab' || !root) return;
      const items = focusables();
      if (items.length === 0) {
        e.preventDefault();
        return;
      }
      const first = items[0] as HTMLElement;
      const last = items[items.length - 1] as HTMLElement;
      const inside = root.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      open.splice(open.indexOf(me), 1);
      if (opener && document.contains(opener)) opener.focus();
    };
    // Runs once per opening: the dialog's element and its first focus do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

interface DialogProps {
  /** The accessible name: the id of the element that titles the dialog. */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  testId?: string;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** A modal dialog over a backdrop; a click on the backdrop closes it like Escape. */
export function Dialog({ labelledBy, onClose, className = '', testId, role = 'dialog', describedBy, initialFocus, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onClose, initialFocus);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={ref}
        className={`modal ${className}`}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid={testId}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}

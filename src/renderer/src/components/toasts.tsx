/**
 * The toasts and the keyboard. Alt+T (⌥T on macOS; sonner's own hotkey) takes focus to the newest toast, Tab
 * reaches its buttons (Undo, Close), and Escape, Tab past them or pressing one of its buttons brings focus back where
 * it was. A modal (a sheet, a dialog) traps focus inside itself: each one counts the toasts as part of it
 * (a focus-scope branch, `ToastBranch`) so that focus may go there, and Escape on a toast leaves the modal open
 * (`keepOpenFromToasts`). The toasts' live region is never hidden from assistive technology by a modal: aria-hidden
 * spares live regions.
 */
import { FocusScope } from 'radix-ui/internal';
import { useEffect, useSyncExternalStore } from 'react';
import { isMac } from './Kbd';

/** sonner's hotkey: every listed modifier flag is set, or it is the key's code. */
export const TOAST_HOTKEY = ['altKey', 'KeyT'];
/** The hotkey as people read it. */
export const toastHotkeyLabel = isMac ? '⌥T' : 'Alt+T';

let toaster: HTMLElement | null = null;
const listeners = new Set<() => void>();

/** The Toaster's region (its ref). */
export function setToaster(element: HTMLElement | null): void {
  if (toaster === element) return;
  toaster = element;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const inToasts = (node: unknown): node is Node => node instanceof Node && toaster?.contains(node) === true;

/** Inside a modal's content: lets the modal's focus trap take the toasts as its own. */
export function ToastBranch() {
  const node = useSyncExternalStore(subscribe, () => toaster);
  FocusScope.useFocusScopeBranch(node);
  return null;
}

/** A modal's onEscapeKeyDown: Escape on a toast goes back from the toast (useToastKeyboard), the modal stays. */
export function keepOpenFromToasts(event: KeyboardEvent): void {
  if (inToasts(document.activeElement)) event.preventDefault();
}

const newestToast = () =>
  toaster?.querySelector<HTMLElement>('[data-sonner-toast][data-front="true"]:not([data-removed="true"])') ??
  toaster?.querySelector<HTMLElement>('[data-sonner-toast]:not([data-removed="true"])') ??
  null;

/**
 * The hotkey and Escape's way back (once, next to the Toaster). sonner brings focus back itself when it leaves the
 * toasts otherwise: Tab past them, or the focused toast closing (its Undo or Close pressed).
 */
export function useToastKeyboard(): void {
  useEffect(() => {
    // Where focus was before it went to the toasts.
    let origin: HTMLElement | null = null;
    const back = () => {
      const to = origin;
      origin = null;
      if (to?.isConnected) to.focus({ preventScroll: true });
    };
    const onFocusIn = (e: FocusEvent) => {
      if (inToasts(e.target) && e.relatedTarget instanceof HTMLElement && !inToasts(e.relatedTarget))
        origin = e.relatedTarget;
    };
    // On window, after sonner's own listener on document (which expands the toasts and focuses their list).
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && inToasts(document.activeElement)) {
        back();
        return;
      }
      const flags = e as unknown as Record<string, unknown>;
      if (!TOAST_HOTKEY.every((key) => flags[key] === true || e.code === key)) return;
      const toast = newestToast();
      if (!toast) return;
      e.preventDefault();
      toast.focus();
    };
    // sonner spreads the toasts out and holds their timers while the keyboard is in them, and gathers them again
    // only on Escape or when the pointer leaves: focus leaving by Tab or by a toast's button would leave them spread
    // out and never timing out. Leaving is told to it as the pointer leaving (React's onMouseLeave comes from
    // mouseout); a pointer still over them spreads them out again as it moves.
    const onFocusOut = (e: FocusEvent) => {
      if (!inToasts(e.target) || inToasts(e.relatedTarget)) return;
      const list = (e.target as Element).closest('[data-sonner-toaster]');
      list?.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

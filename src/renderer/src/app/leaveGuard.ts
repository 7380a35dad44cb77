/**
 * Leaving a form with unsaved changes asks first. A form that holds changes
 * registers itself (`useLeaveGuard`); navigation (the sidebar, the command
 * palette, shortcuts, the Settings tabs) goes through `leave`, which runs at once
 * when nothing is unsaved and otherwise waits for the person's answer in the
 * shell's "Discard your changes?" prompt (LeavePrompt).
 */
import { type RefObject, useEffect } from 'react';
import { create } from 'zustand';

interface Guarded {
  /** The form's element, for focus to return to when the person keeps editing. */
  root: RefObject<HTMLElement | null> | undefined;
}

interface LeaveGuardState {
  /** The forms that hold unsaved changes, in the order they registered. */
  forms: readonly Guarded[];
  /** What leaving does, waiting for the person's answer. */
  pending: (() => void) | null;
  /** What had focus when leaving was asked for. */
  from: HTMLElement | null;
}

export const useLeaveGuardState = create<LeaveGuardState>()(() => ({ forms: [], pending: null, from: null }));
const set = useLeaveGuardState.setState;
const get = useLeaveGuardState.getState;

/** While `dirty`, leaving the screen asks before throwing the form's changes away. */
export function useLeaveGuard(dirty: boolean, root?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!dirty) return;
    const form: Guarded = { root };
    set((s) => ({ forms: [...s.forms, form] }));
    return () => set((s) => ({ forms: s.forms.filter((f) => f !== form) }));
  }, [dirty, root]);
}

/** Some form holds unsaved changes. */
export const useAnyUnsaved = () => useLeaveGuardState((s) => s.forms.length > 0);

/** Runs `go` (a navigation) now, or after the person agrees to discard the unsaved changes. */
export function leave(go: () => void): void {
  if (get().forms.length === 0) {
    go();
    return;
  }
  set({ pending: go, from: document.activeElement instanceof HTMLElement ? document.activeElement : null });
}

/** The person's answer: discarding runs the navigation that waited; keeping forgets it. */
export function answerLeave(discard: boolean): void {
  const { pending } = get();
  set({ pending: null });
  if (discard) pending?.();
}

/**
 * Where focus goes as the prompt closes: back to what had it, unless that is gone or belonged to an overlay that
 * closed meanwhile (the command palette); then, after keeping, into the form, and after leaving, to the new screen.
 */
export function focusAfterLeave(): HTMLElement | null {
  const { from, forms } = get();
  if (from?.isConnected && !from.closest('[role="dialog"]')) return from;
  const root = forms.at(-1)?.root?.current;
  if (root?.isConnected) {
    return (
      root.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])') ?? root
    );
  }
  return document.getElementById('main');
}

import { X } from 'lucide-react';
import { AlertDialog, Dialog as D } from 'radix-ui';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract';
import { errorText } from '../app/errors';
import { errorTitle } from '../app/i18n';
import { Banner } from './Banner';
import { Button } from './Button';
import { cn } from './cn';
import { keepOpenFromToasts, ToastBranch } from './toasts';

const overlayClass = 'fixed inset-0 bg-slate-950/40 backdrop-blur-[1px] animate-fade-in dark:bg-black/60';
const contentClass =
  'shadow-float fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-48px)] w-[calc(100vw-32px)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-[14px] border border-line bg-surface animate-pop-in focus:outline-none';

/** A closing dialog's focus goes to `returnFocus`'s element when there is one (else to what had it before). */
function focusBack(e: Event, returnFocus: (() => HTMLElement | null) | undefined): void {
  const target = returnFocus?.();
  if (!target?.isConnected) return;
  e.preventDefault();
  target.focus();
}

/**
 * A modal leaves the page behind it inert, the toasts too. A press on a toast (its Undo, its close button) is let
 * through and does not close the modal; the toaster takes pointer events itself (App's Toaster).
 */
export function letToastsThrough(event: { target: EventTarget | null; preventDefault(): void }): void {
  if (event.target instanceof Element && event.target.closest('[data-sonner-toaster]')) event.preventDefault();
}

/**
 * A record's detail as a modal sheet at the window's right edge. Focus goes back to `returnFocus`'s element when it
 * closes (it has no trigger of its own); toasts stay usable over it.
 */
export function Sheet({
  open,
  onClose,
  width,
  testId,
  returnFocus,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** Its width class, e.g. "w-[min(720px,calc(100vw-40px))]". */
  width: string;
  testId: string;
  returnFocus?: () => HTMLElement | null;
  children: ReactNode;
}) {
  return (
    <D.Root open={open} onOpenChange={(o) => (o ? undefined : onClose())}>
      <D.Portal>
        {/* Both at z-40 so dialogs opened from the sheet (z-40 overlay, z-50 content) cover it. */}
        <D.Overlay className="fixed inset-0 z-40 animate-fade-in bg-slate-950/30 dark:bg-black/50" />
        <D.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => focusBack(e, returnFocus)}
          onInteractOutside={letToastsThrough}
          onEscapeKeyDown={keepOpenFromToasts}
          data-testid={testId}
          className={cn(
            'shadow-float fixed inset-y-0 right-0 z-40 flex animate-fade-in flex-col border-l border-line bg-surface focus:outline-none',
            width,
          )}
        >
          {children}
          <ToastBranch />
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal's body, scrolling when it is taller than the window leaves room for. With nothing in it to take focus
 * (a list to read, like the keyboard shortcuts), it takes focus itself while it overflows: the keyboard can then
 * scroll it with the arrows and Page Up/Down.
 */
function ScrollBody({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [focusable, setFocusable] = useState(false);
  useLayoutEffect(() => {
    const body = ref.current;
    if (!body) return;
    const check = () =>
      setFocusable(body.scrollHeight > body.clientHeight + 1 && body.querySelector(FOCUSABLE) === null);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(body);
    for (const child of body.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={focusable ? 0 : undefined}
      className="min-h-0 flex-1 overflow-y-auto px-5 py-4 focus-visible:outline-2 focus-visible:-outline-offset-2"
    >
      {children}
    </div>
  );
}

/** A modal dialog with a title, an optional description, a body and a footer. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  width = 'max-w-lg',
  testId,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: string;
  testId?: string;
  /** Where focus goes when it closes, when what opened it is gone (an item of a menu). */
  returnFocus?: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className={cn(overlayClass, 'z-40')} />
        <D.Content
          className={cn(contentClass, width)}
          data-testid={testId}
          onCloseAutoFocus={(e) => focusBack(e, returnFocus)}
          onInteractOutside={letToastsThrough}
          onEscapeKeyDown={keepOpenFromToasts}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div className="min-w-0">
              <D.Title className="text-[15px] font-semibold text-fg">{title}</D.Title>
              {description ? (
                <D.Description className="mt-0.5 text-[13px] text-muted">{description}</D.Description>
              ) : null}
            </div>
            <D.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label={t('common.close')}>
                <X />
              </Button>
            </D.Close>
          </div>
          <ScrollBody>{children}</ScrollBody>
          {footer ? (
            <div className="flex items-center justify-end gap-2 border-t border-line bg-subtle/50 px-5 py-3 rounded-b-[14px]">
              {footer}
            </div>
          ) : null}
          <ToastBranch />
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** The error a dialog shows above its fields (an AppError without a field). */
export function ErrorBanner({ error, className }: { error: AppError | null; className?: string }) {
  if (!error) return null;
  return (
    <Banner tone="danger" title={errorTitle(error.code)} className={className}>
      {errorText(error)}
    </Banner>
  );
}

/**
 * A modal holding one form: the error banner above the fields, and a footer
 * with Cancel and the submit button (both wait while `busy`). Enter submits.
 * With `dirty`, closing it without saving asks first (see useDiscardGuard).
 */
export function FormDialog({
  formId,
  title,
  description,
  width,
  testId,
  onClose,
  onSubmit,
  busy,
  error,
  errorClassName,
  cancelLabel,
  submitLabel,
  submitVariant = 'primary',
  className = 'flex flex-col gap-4',
  dirty = false,
  returnFocus,
  children,
}: {
  formId: string;
  title: ReactNode;
  description?: ReactNode;
  width?: string;
  testId?: string;
  onClose: () => void;
  onSubmit: () => void | Promise<void>;
  busy: boolean;
  error: AppError | null;
  /** E.g. a column span when the form is a grid. */
  errorClassName?: string;
  /** Defaults to "Cancel". */
  cancelLabel?: ReactNode;
  submitLabel: ReactNode;
  submitVariant?: 'primary' | 'danger';
  /** The form's layout. */
  className?: string;
  /** Something was typed or chosen that is not saved yet. */
  dirty?: boolean;
  /** Where focus goes when it closes, when what opened it is gone. */
  returnFocus?: () => HTMLElement | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { requestClose, prompt } = useDiscardGuard(dirty && !busy, onClose);
  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={title}
      description={description}
      width={width}
      testId={testId}
      returnFocus={returnFocus}
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant={submitVariant} busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorBanner error={error} className={errorClassName} />
        {children}
      </form>
      {prompt}
    </Modal>
  );
}

/**
 * Confirms a destructive action. The action runs inside: while it works the
 * dialog stays open, and an error (e.g. CONFLICT) is shown in the dialog.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  destructive = true,
  cancelLabel,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** Returns an error to show, or null when done. */
  onConfirm: () => Promise<AppError | null>;
  destructive?: boolean;
  /** What declining does, when "Cancel" would be unclear. */
  cancelLabel?: string;
  /** Where focus goes when it closes, when what opened it is gone (an item of a menu). */
  returnFocus?: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const change = (next: boolean) => {
    if (busy) return;
    if (!next) setError(null);
    onOpenChange(next);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Portal>
        {/* At the content's level, after any dialog it was opened from: that dialog is dimmed with the page. */}
        <AlertDialog.Overlay className={cn(overlayClass, 'z-50')} />
        <AlertDialog.Content
          className={cn(contentClass, 'max-w-md')}
          onCloseAutoFocus={(e) => focusBack(e, returnFocus)}
          onEscapeKeyDown={keepOpenFromToasts}
        >
          <ToastBranch />
          <div className="px-5 pt-5 pb-4">
            <AlertDialog.Title className="text-[15px] font-semibold text-fg">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-1.5 text-[13px] text-muted">{description}</AlertDialog.Description>
            {error ? (
              <Banner tone="danger" title={errorTitle(error.code)} className="mt-4">
                {errorText(error)}
              </Banner>
            ) : null}
          </div>
          <div className="flex justify-end gap-2 border-t border-line bg-subtle/50 px-5 py-3 rounded-b-[14px]">
            <AlertDialog.Cancel asChild>
              <Button disabled={busy}>{error ? t('common.close') : (cancelLabel ?? t('common.cancel'))}</Button>
            </AlertDialog.Cancel>
            {error ? null : (
              <Button
                variant={destructive ? 'danger' : 'primary'}
                busy={busy}
                onClick={async () => {
                  setBusy(true);
                  const failure = await onConfirm();
                  setBusy(false);
                  if (failure) setError(failure);
                  else onOpenChange(false);
                }}
              >
                {confirmLabel}
              </Button>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** "Discard your changes?": keep editing (closes it) or discard (runs `onDiscard`). */
export function DiscardPrompt({
  open,
  onOpenChange,
  onDiscard,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDiscard: () => void;
  returnFocus?: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('discardPrompt.title')}
      description={t('discardPrompt.description')}
      confirmLabel={t('common.discard')}
      cancelLabel={t('discardPrompt.keep')}
      returnFocus={returnFocus}
      onConfirm={async () => {
        onDiscard();
        return null;
      }}
    />
  );
}

/**
 * Guards a form against losing what was typed: closing it (Escape, the ×, a
 * click outside, Cancel) asks first when `dirty`. Render `prompt` beside the form.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onClose());
  const prompt = <DiscardPrompt open={asking} onOpenChange={setAsking} onDiscard={onClose} />;
  return { requestClose, prompt };
}

// First: keeps the address's fragment (a report route) before api.ts clears it for the token.
import '../features/invoices/printRoute';
import { Tooltip } from 'radix-ui';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Toaster } from 'sonner';
import { ErrorState } from '../components/ErrorState';
import { Skeleton } from '../components/Skeleton';
import { setToaster, TOAST_HOTKEY, toastHotkeyLabel, useToastKeyboard } from '../components/toasts';
import { PrintInvoicePage } from '../features/invoices/PrintInvoice';
import { usePrintRoute } from '../features/invoices/printRoute';
import { OnboardingWizard } from '../features/onboarding/OnboardingWizard';
import { OpenWorkspaceDialog } from '../features/welcome/OpenWorkspace';
import { Welcome } from '../features/welcome/Welcome';
import { boot, subscribeToCore } from './actions';
import { applyLanguage, resolveLanguage } from './i18n';
import { Shell } from './shell/Shell';
import { useApp } from './store';
import { resolveTheme, useThemeEffect } from './theme';

function BootSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="flex h-full" role="status" aria-label={t('common.loading')} data-boot-skeleton>
      <div className="flex w-[220px] flex-col gap-2 border-r border-line bg-surface p-3">
        <Skeleton className="mb-4 h-7 w-32" />
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
          <Skeleton key={i} className="h-7" />
        ))}
      </div>
      <div className="flex flex-1 flex-col">
        <div className="flex h-14 items-center gap-3 border-b border-line bg-surface px-4">
          <Skeleton className="h-7 w-40" />
          <div className="flex-1" />
          <Skeleton className="h-8 w-72" />
          <Skeleton className="h-8 w-40" />
        </div>
        <div className="flex flex-col gap-4 p-6">
          <Skeleton className="h-7 w-56" />
          <Skeleton className="h-64" />
        </div>
      </div>
    </div>
  );
}

/** No workspace: Welcome, or the onboarding wizard when "Start empty" was chosen. */
function NoWorkspace() {
  const [mode, setMode] = useState<'welcome' | 'onboarding'>('welcome');
  return (
    <>
      {mode === 'onboarding' ? (
        <OnboardingWizard onCancel={() => setMode('welcome')} />
      ) : (
        <Welcome onStartEmpty={() => setMode('onboarding')} />
      )}
      <OpenWorkspaceDialog />
    </>
  );
}

/** A report route (`#/print/invoice/12`) renders alone, print-styled; everything else is the app. */
export function App() {
  const printRoute = usePrintRoute();
  if (printRoute) return <PrintInvoicePage id={printRoute.id} autoPrint={printRoute.autoPrint} />;
  return <MainApp />;
}

function MainApp() {
  const { t } = useTranslation();
  const status = useApp((s) => s.boot);
  const bootError = useApp((s) => s.bootError);
  const workspaceState = useApp((s) => s.workspace?.state ?? 'none');
  const workspacePath = useApp((s) => (s.workspace?.state === 'open' ? s.workspace.path : null));
  const prefs = useApp((s) => s.prefs);

  useEffect(() => {
    const off = subscribeToCore();
    void boot();
    return off;
  }, []);

  useThemeEffect(prefs.theme);
  useToastKeyboard();
  useEffect(() => applyLanguage(resolveLanguage(prefs.language)), [prefs.language]);

  let content: ReactNode;
  if (status === 'loading') content = <BootSkeleton />;
  else if (status === 'error' && bootError)
    content = (
      <div className="grid h-full place-items-center">
        <ErrorState error={bootError} onRetry={() => void boot()} />
      </div>
    );
  // Keyed by the file: another workspace starts every screen afresh, no half-typed form carried over to it.
  else if (workspaceState === 'open') content = <Shell key={workspacePath} />;
  else content = <NoWorkspace />;

  return (
    <Tooltip.Provider delayDuration={400} skipDelayDuration={200}>
      {content}
      <Toaster
        ref={setToaster}
        position="bottom-right"
        theme={resolveTheme(prefs.theme)}
        closeButton
        // The keyboard reaches the toasts with it, a modal open or not (components/toasts.tsx).
        hotkey={TOAST_HOTKEY}
        customAriaLabel={t('toast.region', { key: toastHotkeyLabel })}
        // A modal (a sheet, a dialog) makes the page behind it inert; its toasts stay usable (letToastsThrough).
        style={{ pointerEvents: 'auto' }}
        toastOptions={{
          className: 'font-sans text-[13px]',
          closeButtonAriaLabel: t('toast.close'),
          // A long client or lead name wraps anywhere and stops at three lines (screen readers still hear it all).
          classNames: {
            title: 'line-clamp-3 [overflow-wrap:anywhere]',
            description: 'line-clamp-3 [overflow-wrap:anywhere]',
          },
        }}
      />
    </Tooltip.Provider>
  );
}

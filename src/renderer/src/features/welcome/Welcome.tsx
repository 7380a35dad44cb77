import { ArrowRight, FolderOpen, Sparkles, SquarePlus, TowerControl } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { startDemo } from '../../app/actions';
import { LanguageMenu } from '../../app/shell/LanguageMenu';
import { ThemeMenu } from '../../app/shell/ThemeMenu';
import { useApp } from '../../app/store';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DemoProgress } from './DemoProgress';
import { OpenWorkspaceForm } from './OpenWorkspace';

function Option({
  icon,
  title,
  description,
  children,
  highlight,
  labelId,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  children: ReactNode;
  highlight?: boolean;
  labelId: string;
}) {
  return (
    <section
      aria-labelledby={labelId}
      className={cn(
        'flex flex-col rounded-[var(--radius-card)] border bg-surface p-5',
        highlight ? 'border-accent/40 ring-1 ring-accent/15' : 'border-line',
      )}
    >
      <div className="flex items-start gap-3.5">
        <div
          className={cn(
            'grid size-9 shrink-0 place-items-center rounded-lg [&_svg]:size-[18px]',
            highlight ? 'bg-accent-soft text-accent-text' : 'bg-subtle text-muted',
          )}
        >
          {icon}
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={labelId} className="text-[15px] font-semibold text-fg">
            {title}
          </h2>
          <p className="mt-0.5 text-[13px] text-muted">{description}</p>
          <div className="mt-4">{children}</div>
        </div>
      </div>
    </section>
  );
}

/** First launch (or no workspace open): demo, empty, or an existing file. */
export function Welcome({ onStartEmpty }: { onStartEmpty: () => void }) {
  const { t } = useTranslation();
  const reason = useApp((s) => (s.workspace?.state === 'none' ? s.workspace.reason : null));
  const demoJob = useApp((s) => s.demoJob);
  const busy = demoJob?.status === 'starting' || demoJob?.status === 'running';

  return (
    <div className="flex h-full flex-col overflow-y-auto">
      <div className="flex items-center justify-end gap-1 px-4 py-3">
        <LanguageMenu />
        <ThemeMenu />
      </div>
      <main className="mx-auto flex w-full max-w-[680px] flex-1 flex-col px-6 pb-12">
        <div className="mb-7 flex items-center gap-3.5">
          <div className="grid size-11 place-items-center rounded-xl bg-accent text-accent-fg shadow-sm">
            <TowerControl className="size-6" aria-hidden="true" />
          </div>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-fg">{t('welcome.title')}</h1>
            <p className="text-[14px] text-muted">{t('welcome.subtitle')}</p>
          </div>
        </div>

        {reason ? (
          <Banner tone="warning" title={t('welcome.reasonTitle')} className="mb-5" role="alert">
            {reason}
          </Banner>
        ) : null}

        <div className="flex flex-col gap-3">
          <Option
            labelId="welcome-demo"
            highlight
            icon={<Sparkles />}
            title={t('welcome.demo.title')}
            description={t('welcome.demo.description')}
          >
            {demoJob ? (
              <DemoProgress />
            ) : (
              <Button
                variant="primary"
                icon={<ArrowRight />}
                onClick={() => void startDemo()}
                className="flex-row-reverse"
              >
                {t('welcome.demo.action')}
              </Button>
            )}
          </Option>
          <Option
            labelId="welcome-empty"
            icon={<SquarePlus />}
            title={t('welcome.empty.title')}
            description={t('welcome.empty.description')}
          >
            <Button onClick={onStartEmpty} disabled={busy}>
              {t('welcome.empty.action')}
            </Button>
          </Option>
          <Option
            labelId="welcome-open"
            icon={<FolderOpen />}
            title={t('welcome.open.title')}
            description={t('welcome.open.description')}
          >
            <OpenWorkspaceForm />
          </Option>
        </div>
        <p className="mt-6 text-center text-[12px] text-faint">{t('welcome.footer')}</p>
      </main>
    </div>
  );
}

import { AlertTriangle, CheckCircle2, Info, OctagonAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'info' | 'warning' | 'danger' | 'success';

const tones: Record<Tone, { box: string; icon: ReactNode }> = {
  info: { box: 'bg-info-soft text-info-text border-info-text/20', icon: <Info /> },
  warning: { box: 'bg-warning-soft text-warning-text border-warning-text/25', icon: <AlertTriangle /> },
  danger: { box: 'bg-danger-soft text-danger-text border-danger-text/25', icon: <OctagonAlert /> },
  success: { box: 'bg-success-soft text-success-text border-success-text/25', icon: <CheckCircle2 /> },
};

/** A callout. Never colour alone: each tone carries its icon and a title. */
export function Banner({
  tone = 'info',
  title,
  children,
  actions,
  className,
  role,
}: {
  tone?: Tone;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
  role?: 'alert' | 'status' | 'note';
}) {
  const t = tones[tone];
  return (
    <div
      role={role ?? (tone === 'danger' ? 'alert' : 'note')}
      className={cn(
        'flex gap-3 rounded-[10px] border px-4 py-3 text-[13px] [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0',
        t.box,
        className,
      )}
    >
      {t.icon}
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-0.5 break-words opacity-95">{children}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2 self-center">{actions}</div> : null}
    </div>
  );
}

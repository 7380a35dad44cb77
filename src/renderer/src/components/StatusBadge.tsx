/** A small labelled badge: a tone, an optional icon and a word (never colour alone). */
import { Ban, CircleCheck, Clock, FilePen, OctagonAlert, Send } from 'lucide-react';
import type { ReactNode } from 'react';
import type { InvoiceStatus } from '../../../shared/domain';
import { cn } from './cn';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'accent';

const TONES: Record<Tone, string> = {
  neutral: 'bg-subtle text-muted border-line',
  success: 'bg-success-soft text-success-text border-success-text/20',
  warning: 'bg-warning-soft text-warning-text border-warning-text/25',
  danger: 'bg-danger-soft text-danger-text border-danger-text/25',
  info: 'bg-info-soft text-info-text border-info-text/20',
  accent: 'bg-accent-soft text-accent-text border-accent-text/20',
};

export function Badge({
  tone = 'neutral',
  icon,
  children,
  className,
  title,
  testId,
}: {
  tone?: Tone;
  icon?: ReactNode;
  children: ReactNode;
  className?: string;
  title?: string;
  testId?: string;
}) {
  return (
    <span
      title={title}
      data-testid={testId}
      className={cn(
        'inline-flex h-5 items-center gap-1 rounded-full border px-1.5 text-[11.5px] font-medium whitespace-nowrap [&_svg]:size-3 [&_svg]:shrink-0',
        TONES[tone],
        className,
      )}
    >
      {icon}
      {children}
    </span>
  );
}

/** An invoice status's tone and icon, the same wherever an invoice is listed. */
export const INVOICE_STATUS_TONE: Record<InvoiceStatus, Tone> = {
  draft: 'neutral',
  sent: 'info',
  due: 'warning',
  overdue: 'danger',
  paid: 'success',
  void: 'neutral',
};

export const INVOICE_STATUS_ICON: Record<InvoiceStatus, ReactNode> = {
  draft: <FilePen aria-hidden="true" />,
  sent: <Send aria-hidden="true" />,
  due: <Clock aria-hidden="true" />,
  overdue: <OctagonAlert aria-hidden="true" />,
  paid: <CircleCheck aria-hidden="true" />,
  void: <Ban aria-hidden="true" />,
};

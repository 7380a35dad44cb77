import { RotateCw, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract';
import { errorText } from '../app/errors';
import { errorTitle } from '../app/i18n';
import { Button } from './Button';
import { cn } from './cn';

/** What happened (the core's sentence) and what to do (retry). */
export function ErrorState({
  error,
  onRetry,
  className,
}: {
  error: AppError;
  onRetry?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={cn('flex flex-col items-center px-6 py-10 text-center', className)}>
      <div className="mb-3 grid size-11 place-items-center rounded-xl bg-danger-soft text-danger-text">
        <TriangleAlert className="size-5" aria-hidden="true" />
      </div>
      <p className="text-[15px] font-semibold text-fg">{errorTitle(error.code)}</p>
      <p className="mt-1 max-w-md text-[13px] text-muted">{errorText(error)}</p>
      {onRetry ? (
        <Button className="mt-4" icon={<RotateCw />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { cn } from './cn';

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-shimmer rounded-md bg-subtle', className)} />;
}

/** A labelled loading region made of skeleton lines. */
export function SkeletonBlock({ lines = 4, className }: { lines?: number; className?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('common.loading')} className={cn('flex flex-col gap-3', className)}>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder lines.
        <Skeleton key={i} className={cn('h-9', i % 3 === 2 ? 'w-2/3' : 'w-full')} />
      ))}
    </div>
  );
}

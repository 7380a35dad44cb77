import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

export function EmptyState({
  icon: Icon,
  title,
  description,
  children,
  className,
  titleLevel = 2,
}: {
  icon: LucideIcon;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  titleLevel?: 2 | 3;
}) {
  const Heading = titleLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={cn('flex flex-col items-center px-6 py-12 text-center', className)}>
      <div className="mb-4 grid size-12 place-items-center rounded-xl border border-line bg-subtle text-muted">
        <Icon className="size-6" aria-hidden="true" />
      </div>
      <Heading className="text-base font-semibold text-fg">{title}</Heading>
      {description ? <p className="mt-1.5 max-w-md text-[13px] text-muted">{description}</p> : null}
      {children ? <div className="mt-5 flex flex-col items-center gap-3">{children}</div> : null}
    </div>
  );
}

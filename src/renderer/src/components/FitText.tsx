import { type HTMLAttributes, useRef } from 'react';
import { cn } from './cn';
import { useFitText } from './useFitText';

/** One line of text whose font shrinks until it fits (useFitText): a KPI's value, an amount in a narrow tile. */
export function FitText({
  className,
  children,
  smallest = 12,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { smallest?: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  useFitText(ref, children, smallest);
  return (
    <span ref={ref} className={cn('block overflow-hidden text-ellipsis whitespace-nowrap', className)} {...props}>
      {children}
    </span>
  );
}

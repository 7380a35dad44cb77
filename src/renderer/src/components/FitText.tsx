import { type HTMLAttributes, useRef } from 'react';
import { cn } from './cn';
import { useFitText } from './useFitText';

/** A one-line paragraph whose font shrinks until its text fits (useFitText): an amount in a narrow tile. */
export function FitText({
  className,
  children,
  smallest = 12,
  ...props
}: HTMLAttributes<HTMLParagraphElement> & { smallest?: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useFitText(ref, children, smallest);
  return (
    <p ref={ref} className={cn('overflow-hidden text-ellipsis whitespace-nowrap', className)} {...props}>
      {children}
    </p>
  );
}

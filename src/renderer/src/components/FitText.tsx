import { type HTMLAttributes, type RefObject, useRef } from 'react';
import { cn } from './cn';
import { useFitText } from './useFitText';

/** One line of text whose font shrinks until it fits (useFitText): a KPI's value, an amount in a narrow tile. */
export function FitText({
  as: Tag = 'span',
  className,
  children,
  smallest = 12,
  ...props
}: HTMLAttributes<HTMLElement> & { as?: 'span' | 'p'; smallest?: number }) {
  const ref = useRef<HTMLElement>(null);
  useFitText(ref, children, smallest);
  return (
    <Tag
      ref={ref as RefObject<HTMLParagraphElement & HTMLSpanElement>}
      className={cn('block overflow-hidden text-ellipsis whitespace-nowrap', className)}
      {...props}
    >
      {children}
    </Tag>
  );
}

import { DiscardPrompt } from '../../components/Dialog';
import { answerLeave, focusAfterLeave, useLeaveGuardState } from '../leaveGuard';

/** "Discard your changes?" when a navigation would leave a form's unsaved changes behind (see leaveGuard). */
export function LeavePrompt() {
  const asking = useLeaveGuardState((s) => s.pending !== null);
  return (
    <DiscardPrompt
      open={asking}
      onOpenChange={(open) => (open ? undefined : answerLeave(false))}
      onDiscard={() => answerLeave(true)}
      returnFocus={focusAfterLeave}
    />
  );
}

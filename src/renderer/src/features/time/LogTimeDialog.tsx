/**
 * The time-log grid on its own, from the command palette's Log time: the same
 * grid a project's sheet opens for an assignment, here for any person (its
 * picker starts on the first core person) and this week. Hours saved make the
 * open screens read again once it closes.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dataChanged, setLogTimeOpen } from '../../app/actions';
import { useApp } from '../../app/store';
import { Modal } from '../../components/Dialog';
import { TimeLogTab } from './TimeLogTab';

export function LogTimeDialog() {
  const { t } = useTranslation('time');
  const open = useApp((s) => s.logTimeOpen);
  const logged = useRef(false);
  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setLogTimeOpen(o);
        if (!o && logged.current) {
          logged.current = false;
          dataChanged();
        }
      }}
      title={t('assignments.logTime')}
      description={t('log.dialogDescription')}
      width="max-w-[960px]"
      testId="time-log-dialog"
    >
      {open ? (
        <TimeLogTab
          onLogged={() => {
            logged.current = true;
          }}
          embedded
        />
      ) : null}
    </Modal>
  );
}

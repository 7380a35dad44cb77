/**
 * Win a lead: choose the service, the value and the dates, and optionally an
 * existing client. The core creates (or links) the client, the project and —
 * when the client's terms ask for one — the deposit invoice in one
 * transaction; the dialog then shows what was made, with a way to Projects.
 */
import { ArrowRight, CircleCheck, FileText, FolderKanban, UserRound } from 'lucide-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Service } from '../../../../shared/contract';
import { localDate } from '../../../../shared/dates';
import type { LeadDetail, WonLead } from '../../../../shared/leads';
import { leadWinSchema } from '../../../../shared/leads-schemas';
import type { ClientOption, Invoice } from '../../../../shared/money';
import { navigate } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatMoney, majorToMinor, minorToMajor, numberForInput, parseDecimal } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { DateField, useDateTyping } from '../../components/DateField';
import { Modal, useDiscardGuard } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';
import { Select } from '../../components/Select';
import { ClientPicker } from '../clients/ClientPicker';
import { useLeadForm } from './validation';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days a service usually takes (its slowest turnaround), at least one. */
const turnaroundDays = (s: Service | undefined) => Math.max(1, Math.ceil((s?.turnaroundHours.max ?? 168) / 24));

interface Outcome {
  won: WonLead;
  clientName: string;
  linked: boolean;
  projectName: string;
  deposit: Invoice | null;
  depositError: AppError | null;
}

export function WinDialog({
  lead,
  services,
  onClose,
  onWon,
}: {
  lead: LeadDetail;
  services: Service[];
  onClose: () => void;
  onWon: (lead: LeadDetail) => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const timeZone = useApp((s) => s.settings?.timeZone ?? 'UTC');
  const today = useMemo(() => localDate(new Date(), timeZone), [timeZone]);
  // A client with the lead's company name, found by the rule the core links by.
  const sameName = useApiQuery('clients/lookup', { search: lead.company, limit: 1 }).data?.sameName ?? null;
  const offered = services.filter((s) => s.kind === 'project' && s.active);
  const initialService = offered.find((s) => s.id === lead.serviceId) ?? null;
  const [serviceId, setServiceId] = useState(initialService ? String(initialService.id) : '');
  const [value, setValue] = useState(numberForInput(minorToMajor(lead.expectedValueMinor, lead.currency), lang));
  const [startDate, setStartDate] = useState(today);
  const [dueDate, setDueDate] = useState(addDays(today, turnaroundDays(initialService ?? undefined)));
  const [dueEdited, setDueEdited] = useState(false);
  /** null: a new client made from the lead. */
  const [client, setClient] = useState<ClientOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const input = useMemo(() => {
    const major = parseDecimal(value, lang);
    return {
      id: lead.id,
      serviceId: serviceId ? Number(serviceId) : undefined,
      valueMinor: major === null ? undefined : Number.isNaN(major) ? Number.NaN : majorToMinor(major, lead.currency),
      startDate,
      dueDate,
      clientId: client?.id ?? null,
    };
  }, [lead, serviceId, value, startDate, dueDate, client, lang]);
  const v = useLeadForm(leadWinSchema, input);
  // A client with the lead's name already exists: the core links it, so the form says so by choosing it.
  const [clientTouched, setClientTouched] = useState(false);
  useEffect(() => {
    if (sameName && !clientTouched) setClient(sameName);
  }, [sameName, clientTouched]);
  const { typing, typingIn } = useDateTyping();
  const dirty =
    typing ||
    serviceId !== (initialService ? String(initialService.id) : '') ||
    value !== numberForInput(minorToMajor(lead.expectedValueMinor, lead.currency), lang) ||
    startDate !== today ||
    dueEdited ||
    clientTouched;
  const { requestClose, prompt } = useDiscardGuard(dirty && !busy, onClose);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('leads/win', leadWinSchema.parse(input));
    if (!result.ok) {
      setBusy(false);
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    const won = result.value;
    const service = services.find((s) => s.id === input.serviceId);
    // The chosen client, or the one of the lead's name the core linked instead of making a new one.
    const chosen = [client, sameName].find((c) => c?.id === won.clientId);
    let deposit: Invoice | null = null;
    let depositError: AppError | null = null;
    if (won.depositInvoiceId !== null) {
      const inv = await api.call('invoices/get', { id: won.depositInvoiceId });
      if (inv.ok) deposit = inv.value;
      else depositError = inv.error;
    }
    setBusy(false);
    setOutcome({
      won,
      clientName: chosen?.name ?? lead.company,
      linked: chosen !== undefined,
      projectName: `${service?.name ?? ''} · ${lead.company}`,
      deposit,
      depositError,
    });
    onWon(won.lead);
  };

  if (outcome) return <WonSummary outcome={outcome} company={lead.company} onClose={onClose} />;

  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={t('win.title', { company: lead.company })}
      description={t('win.description')}
      width="max-w-lg"
      testId="win-dialog"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('common.cancel', { ns: 'translation' })}
          </Button>
          <Button type="submit" form="win-form" variant="primary" busy={busy}>
            {t('win.confirm')}
          </Button>
        </>
      }
    >
      <form
        id="win-form"
        noValidate
        className="grid grid-cols-2 gap-x-4 gap-y-3.5"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error ? (
          <Banner tone="danger" title={errorTitle(error.code)} className="col-span-2">
            {errorText(error)}
          </Banner>
        ) : null}
        <Field label={t('win.service')} error={v.errorFor('serviceId')} className="col-span-2">
          {(p) => (
            <Select
              {...p}
              value={serviceId}
              placeholder={t('common.choose', { ns: 'translation' })}
              onChange={(id) => {
                setServiceId(id);
                v.edited('serviceId');
                if (!dueEdited)
                  setDueDate(addDays(startDate, turnaroundDays(services.find((s) => String(s.id) === id))));
              }}
              onBlur={() => v.touch('serviceId')}
              options={offered.map((s) => ({ value: String(s.id), label: s.name }))}
            />
          )}
        </Field>
        <Field label={t('win.value', { currency: lead.currency })} error={v.errorFor('valueMinor')}>
          {(p) => (
            <Input
              {...p}
              inputMode="decimal"
              className="tabular-nums"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                v.edited('valueMinor');
              }}
              onBlur={() => v.touch('valueMinor')}
            />
          )}
        </Field>
        <div />
        <Field label={t('win.start')} error={v.errorFor('startDate')} hint={t('win.startHint')}>
          {(p) => (
            <DateField
              {...p}
              max={today}
              value={startDate}
              onChange={(date) => {
                setStartDate(date);
                v.edited('startDate');
                if (!dueEdited && date)
                  setDueDate(addDays(date, turnaroundDays(services.find((s) => String(s.id) === serviceId))));
              }}
              onTypingChange={typingIn('startDate')}
              onBlur={() => v.touch('startDate')}
            />
          )}
        </Field>
        <Field label={t('win.due')} error={v.errorFor('dueDate')}>
          {(p) => (
            <DateField
              {...p}
              min={startDate}
              value={dueDate}
              onChange={(date) => {
                setDueDate(date);
                setDueEdited(true);
                v.edited('dueDate');
              }}
              onTypingChange={typingIn('dueDate')}
              onBlur={() => v.touch('dueDate')}
            />
          )}
        </Field>
        <Field
          label={t('win.client')}
          error={v.errorFor('clientId')}
          className="col-span-2"
          hint={
            client === null
              ? sameName
                ? t('win.clientLinkedByName', { name: sameName.name })
                : t('win.clientNew', { name: lead.company })
              : client.id === sameName?.id
                ? t('win.clientSameName', { name: sameName.name })
                : t('win.clientExisting')
          }
        >
          {(p) => (
            <ClientPicker
              {...p}
              value={client}
              noneLabel={t('win.clientFromLead', { name: lead.company })}
              onChange={(chosen) => {
                setClient(chosen);
                setClientTouched(true);
                v.edited('clientId');
              }}
            />
          )}
        </Field>
        <p className="col-span-2 text-[12px] text-muted">{t('win.together')}</p>
      </form>
      {prompt}
    </Modal>
  );
}

function WonSummary({ outcome, company, onClose }: { outcome: Outcome; company: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const { won, deposit } = outcome;
  return (
    <Modal
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={t('win.doneTitle', { company })}
      width="max-w-lg"
      testId="win-result"
      footer={
        <>
          <Button onClick={onClose}>{t('win.done')}</Button>
          <Button
            variant="primary"
            icon={<ArrowRight />}
            onClick={() => {
              onClose();
              navigate('projects');
            }}
          >
            {t('win.openProjects')}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <p className="flex items-center gap-2 text-[13px] text-success-text">
          <CircleCheck className="size-4" aria-hidden="true" />
          {t('win.doneBody')}
        </p>
        <ul className="flex flex-col divide-y divide-line rounded-[10px] border border-line">
          <Made icon={<UserRound />} label={t('win.madeClient')}>
            <span data-testid="won-client">
              {outcome.linked
                ? t('win.clientLinked', { name: outcome.clientName })
                : t('win.clientCreated', { name: outcome.clientName })}
            </span>
          </Made>
          <Made icon={<FolderKanban />} label={t('win.madeProject')}>
            <span data-testid="won-project">{t('win.project', { name: outcome.projectName, id: won.projectId })}</span>
          </Made>
          <Made icon={<FileText />} label={t('win.madeDeposit')}>
            <span data-testid="won-deposit">
              {won.depositInvoiceId === null
                ? t('win.noDeposit')
                : deposit
                  ? t('win.deposit', {
                      number: deposit.number ?? `#${deposit.id}`,
                      amount: formatMoney(deposit.totalMinor, deposit.currency, lang),
                      due: deposit.dueDate ? formatDate(deposit.dueDate, lang) : '—',
                    })
                  : t('win.depositUnread', {
                      id: won.depositInvoiceId,
                      reason: outcome.depositError ? errorText(outcome.depositError) : '',
                    })}
            </span>
          </Made>
        </ul>
      </div>
    </Modal>
  );
}

function Made({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <li className="flex items-start gap-3 px-3.5 py-2.5 text-[13px]">
      <span className="mt-0.5 text-muted [&_svg]:size-4" aria-hidden="true">
        {icon}
      </span>
      <div className="min-w-0">
        <p className="text-[12px] text-muted">{label}</p>
        <p className="text-fg">{children}</p>
      </div>
    </li>
  );
}

/**
 * A new invoice (typed lines, or a draft computed from a project's deposit or
 * final invoice, or a subscription month) and the editing of a draft's lines.
 * Prices are typed in major units and stored in minor units.
 */
import { FileText, FolderKanban, Plus, Repeat, Trash2 } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import { type Currency, EU_COUNTRIES } from '../../../../shared/domain';
import type { ClientDetail, ClientOption, Invoice } from '../../../../shared/money';
import {
  type InvoiceDraftInput,
  invoiceDraftSchema,
  invoiceLineSchema,
  invoiceUpdateDraftSchema,
} from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { countryName, formatMoney, majorToMinor, numberForInput, parseDecimal } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useApp } from '../../app/store';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { Modal, useDiscardGuard } from '../../components/Dialog';
import { CurrencySelect } from '../../components/DomainInputs';
import { Field, Input, UnitInput } from '../../components/Field';
import { MonthPicker } from '../../components/MonthPicker';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { ClientPicker } from '../clients/ClientPicker';
import { bpToPct, moneyForInput } from './parts';
import { useMoneyForm } from './validation';

interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  price: string;
  tax: string;
}

type Source = 'manual' | 'project' | 'subscription';

let lineKey = 0;
const blankLine = (tax = ''): LineDraft => ({ key: ++lineKey, description: '', quantity: '1', price: '', tax });

const EU = new Set<string>(EU_COUNTRIES);

function toNumber(text: string, locale: string): number {
  const n = parseDecimal(text, locale);
  return n === null ? Number.NaN : n;
}

/** The lines as the schema wants them (NaN where the text is not a number, so the schema says so). */
function toLines(lines: LineDraft[], currency: Currency, locale: string) {
  return lines.map((l) => {
    const qty = toNumber(l.quantity, locale);
    const price = toNumber(l.price, locale);
    const tax = l.tax.trim() === '' ? 0 : toNumber(l.tax, locale);
    return {
      description: l.description.trim(),
      quantity: qty,
      unitPriceMinor: Number.isNaN(price) ? Number.NaN : majorToMinor(price, currency),
      taxRateBp: Number.isNaN(tax) ? Number.NaN : Math.round(tax * 100),
    };
  });
}

const { quantity, unitPriceMinor, taxRateBp } = invoiceLineSchema.shape;
type ParsedLine = { quantity: number; unitPriceMinor: number; taxRateBp: number };

/** A line's numbers: not all there or readable yet, there but refused by the core's rules, or counted. */
function lineState(l: ParsedLine): 'incomplete' | 'refused' | 'counted' {
  if (![l.quantity, l.unitPriceMinor, l.taxRateBp].every(Number.isFinite)) return 'incomplete';
  const valid =
    quantity.safeParse(l.quantity).success &&
    unitPriceMinor.safeParse(l.unitPriceMinor).success &&
    taxRateBp.safeParse(l.taxRateBp).success;
  return valid ? 'counted' : 'refused';
}

/**
 * The same arithmetic as the core: net = quantity × price; tax rounded per line. Only counted lines add up
 * (`excluded`: the refused ones), so the totals never include what a field flags.
 */
function previewTotals(lines: readonly ParsedLine[]) {
  let net = 0;
  let tax = 0;
  let excluded = 0;
  for (const l of lines) {
    const state = lineState(l);
    if (state === 'refused') excluded++;
    if (state !== 'counted') continue;
    const n = l.quantity * l.unitPriceMinor;
    net += n;
    tax += Math.sign(n) * Math.round(Math.abs((n * l.taxRateBp) / 10_000));
  }
  return { net, tax, total: net + tax, excluded };
}

/** The picked client's terms, projects and subscriptions; `failed` says why they could not be read. */
function useClientDetail(clientId: number | null) {
  const [detail, setDetail] = useState<ClientDetail | null>(null);
  const [failed, setFailed] = useState<AppError | null>(null);
  useEffect(() => {
    setDetail(null);
    setFailed(null);
    if (clientId === null) return;
    let live = true;
    void api.call('clients/get', { id: clientId }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setFailed(r.error);
    });
    return () => {
      live = false;
    };
  }, [clientId]);
  return { detail, failed };
}

export type EditorMode =
  | { kind: 'new'; reportingCurrency: Currency; today: string; client?: ClientOption }
  | { kind: 'edit'; invoice: Invoice };

export function InvoiceEditor({
  mode,
  onClose,
  onSaved,
}: {
  mode: EditorMode;
  onClose: () => void;
  onSaved: (invoice: Invoice) => void;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  const editing = mode.kind === 'edit' ? mode.invoice : null;
  // A new invoice's client is picked by name; its terms, projects and subscriptions then come from the core.
  const [picked, setPicked] = useState<ClientOption | null>(mode.kind === 'new' ? (mode.client ?? null) : null);
  const clientId = editing ? String(editing.clientId) : picked ? String(picked.id) : '';
  const { detail, failed: detailFailed } = useClientDetail(mode.kind === 'new' && picked ? picked.id : null);
  const client = detail && detail.id === picked?.id ? detail : null;
  const hubOf = (hubId: number | null) => hubs.find((h) => h.id === hubId) ?? null;
  const defaultCurrency = (c: { hubId: number | null } | null): Currency =>
    hubOf(c?.hubId ?? null)?.currency ?? (mode.kind === 'new' ? mode.reportingCurrency : 'USD');

  const [source, setSource] = useState<Source>('manual');
  const [currency, setCurrency] = useState<Currency>(() => editing?.currency ?? defaultCurrency(picked));
  const [lines, setLines] = useState<LineDraft[]>(() =>
    editing
      ? editing.lines.map((l) => ({
          key: ++lineKey,
          description: l.description,
          quantity: String(l.quantity),
          price: moneyForInput(l.unitPriceMinor, editing.currency, lang),
          tax: numberForInput(bpToPct(l.taxRateBp), lang),
        }))
      : [blankLine()],
  );
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [projectId, setProjectId] = useState('');
  const [projectKind, setProjectKind] = useState<'deposit' | 'delivery'>('delivery');
  const [subscriptionId, setSubscriptionId] = useState('');
  const [month, setMonth] = useState(mode.kind === 'new' ? mode.today.slice(0, 7) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // What the form holds against what it opened with: closing it with changes asks first.
  const entered = JSON.stringify([picked?.id, source, currency, lines, notes, projectId, subscriptionId, month]);
  const [opened] = useState(entered);
  const { requestClose, prompt } = useDiscardGuard(entered !== opened && !busy, onClose);

  const parsedLines = useMemo(() => toLines(lines, currency, lang), [lines, currency, lang]);
  const value = useMemo(
    () =>
      editing
        ? { id: editing.id, currency, lines: parsedLines, notes: notes.trim() === '' ? null : notes.trim() }
        : {
            clientId: clientId === '' ? Number.NaN : Number(clientId),
            currency,
            lines: parsedLines,
            notes: notes.trim() === '' ? null : notes.trim(),
            projectId: null,
          },
    [editing, clientId, currency, parsedLines, notes],
  );
  const v = useMoneyForm(editing ? invoiceUpdateDraftSchema : invoiceDraftSchema, value);
  const totals = previewTotals(parsedLines);

  const newDescription = useRef<HTMLInputElement>(null);
  const focusNew = useRef(false);
  useEffect(() => {
    if (focusNew.current) {
      focusNew.current = false;
      newDescription.current?.focus();
    }
  });

  const setLine = (key: number, patch: Partial<LineDraft>, field: string) => {
    const index = lines.findIndex((l) => l.key === key);
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
    v.edited(`lines.${index}.${field}`);
    setError(null);
  };
  const addLine = () => {
    focusNew.current = true;
    setLines((ls) => [...ls, blankLine(ls.at(-1)?.tax ?? '')]);
  };
  const removeLine = (key: number) => setLines((ls) => ls.filter((l) => l.key !== key));

  // Reverse charge: a business client in another EU country than the billing hub.
  const hubCountry = hubOf(editing ? null : (client?.hubId ?? null))?.country ?? null;
  const reverseCharge = editing
    ? editing.reverseCharge
    : client !== null &&
      hubCountry !== null &&
      EU.has(hubCountry) &&
      EU.has(client.country) &&
      hubCountry !== client.country;

  const projects = (detail?.projects ?? []).filter((p) => p.stage !== 'cancelled');
  const subscriptions = (detail?.subscriptions ?? []).filter((s) => s.status !== 'cancelled');
  const project = projects.find((p) => String(p.id) === projectId) ?? null;

  const saveManual = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = editing
      ? await api.call('invoices/updateDraft', value as { id: number })
      : await api.call('invoices/createDraft', value as InvoiceDraftInput);
    setBusy(false);
    if (!result.ok) {
      const f = result.error.field;
      if (f && f !== 'lines' && f !== 'projectId') v.setServerError(f, errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(editing ? t('editor.toastSaved') : t('editor.toastCreated', { client: result.value.clientName }));
    onSaved(result.value);
  };

  const saveFrom = async () => {
    setError(null);
    if (source === 'project' && !project) {
      v.setServerError('projectId', t('editor.chooseProject'));
      return;
    }
    if (source === 'subscription' && (subscriptionId === '' || !/^\d{4}-\d{2}$/.test(month))) {
      if (subscriptionId === '') v.setServerError('subscriptionId', t('editor.chooseSubscription'));
      else v.setServerError('month', t('editor.chooseMonth'));
      return;
    }
    setBusy(true);
    const result =
      source === 'project'
        ? await api.call('invoices/draftFrom', { kind: projectKind, projectId: Number(projectId) })
        : await api.call('invoices/draftFrom', { kind: 'subscription', subscriptionId: Number(subscriptionId), month });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(t('editor.toastCreated', { client: result.value.clientName }));
    onSaved(result.value);
  };

  const submit = () => void (source === 'manual' ? saveManual() : saveFrom());

  const sourceOptions: { id: Source; icon: typeof FileText; disabled: boolean; hint: string }[] = [
    { id: 'manual', icon: FileText, disabled: false, hint: t('editor.source.manualHint') },
    {
      id: 'project',
      icon: FolderKanban,
      disabled: !detail || projects.length === 0,
      hint: detail && projects.length === 0 ? t('editor.source.noProjects') : t('editor.source.projectHint'),
    },
    {
      id: 'subscription',
      icon: Repeat,
      disabled: !detail || subscriptions.length === 0,
      hint:
        detail && subscriptions.length === 0 ? t('editor.source.noSubscriptions') : t('editor.source.subscriptionHint'),
    },
  ];

  const formId = 'invoice-editor';
  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={editing ? t('editor.editTitle') : t('editor.newTitle')}
      description={editing ? t('editor.editDescription', { client: editing.clientName }) : t('editor.newDescription')}
      width="max-w-[800px]"
      testId="invoice-editor"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {editing ? t('editor.save') : t('editor.create')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className="flex flex-col gap-5"
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        {error ? (
          <Banner tone="danger" title={errorTitle(error.code)}>
            {errorText(error)}
          </Banner>
        ) : null}

        {editing ? null : (
          <div className="grid grid-cols-6 items-start gap-4">
            <Field className="col-span-4" label={t('editor.client')} error={v.errorFor('clientId')}>
              {(p) => (
                <ClientPicker
                  {...p}
                  value={picked}
                  noneLabel={t('editor.chooseClient')}
                  onChange={(c) => {
                    setPicked(c);
                    v.edited('clientId');
                    setSource('manual');
                    setProjectId('');
                    setSubscriptionId('');
                    setError(null);
                    setCurrency(defaultCurrency(c));
                  }}
                />
              )}
            </Field>
            {client ? (
              <div className="col-span-2 pt-6 text-[12px] text-muted" data-testid="client-terms">
                {t('editor.terms', { count: client.paymentTermsDays })}
                {client.depositPct > 0 ? <> · {t('editor.depositTerms', { pct: client.depositPct })}</> : null}
              </div>
            ) : null}
          </div>
        )}

        {editing || !picked ? null : (
          <fieldset>
            <legend className="mb-2 text-[13px] font-medium text-fg">{t('editor.source.label')}</legend>
            <RadioGroup.Root
              value={source}
              onValueChange={(s) => {
                setSource(s as Source);
                setError(null);
              }}
              className="grid grid-cols-3 gap-2"
              orientation="horizontal"
            >
              {sourceOptions.map((o) => (
                <RadioGroup.Item
                  key={o.id}
                  value={o.id}
                  disabled={o.disabled}
                  className={cn(
                    'flex items-start gap-2.5 rounded-[10px] border border-line p-3 text-left transition-colors duration-150',
                    'hover:bg-hover data-[state=checked]:border-accent data-[state=checked]:bg-accent-soft/60',
                    'disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent',
                  )}
                >
                  <o.icon className="mt-0.5 size-4 shrink-0 text-muted" aria-hidden="true" />
                  <span className="min-w-0">
                    <span className="block text-[13px] font-medium text-fg">{t(`editor.source.${o.id}`)}</span>
                    <span className="block text-[12px] text-muted">{o.hint}</span>
                  </span>
                </RadioGroup.Item>
              ))}
            </RadioGroup.Root>
            {detailFailed ? (
              <p role="alert" className="mt-2 text-[12.5px] text-danger-text">
                {errorText(detailFailed)}
              </p>
            ) : !detail ? (
              <Skeleton className="mt-2 h-4 w-40" />
            ) : null}
          </fieldset>
        )}

        {source === 'project' && client ? (
          <div className="flex flex-col gap-4" data-testid="from-project">
            <Field label={t('editor.project')} error={v.errorFor('projectId')}>
              {(p) => (
                <Select
                  {...p}
                  value={projectId}
                  placeholder={t('editor.chooseProject')}
                  onChange={(id) => {
                    setProjectId(id);
                    v.edited('projectId');
                    setError(null);
                  }}
                  options={projects.map((pr) => ({
                    value: String(pr.id),
                    label: pr.name,
                    hint: formatMoney(pr.valueMinor, pr.currency, lang),
                  }))}
                />
              )}
            </Field>
            <RadioGroup.Root
              value={projectKind}
              onValueChange={(k) => {
                setProjectKind(k as 'deposit' | 'delivery');
                setError(null);
              }}
              aria-label={t('editor.projectKind')}
              className="grid grid-cols-2 gap-2"
            >
              {(['deposit', 'delivery'] as const).map((k) => {
                const disabled = k === 'deposit' && client.depositPct === 0;
                const hint =
                  k === 'deposit'
                    ? disabled
                      ? t('editor.noDeposit', { client: client.name })
                      : project
                        ? t('editor.depositAmount', {
                            pct: client.depositPct,
                            amount: formatMoney(
                              Math.round((project.valueMinor * client.depositPct) / 100),
                              project.currency,
                              lang,
                            ),
                          })
                        : t('editor.depositHint', { pct: client.depositPct })
                    : t('editor.finalHint');
                return (
                  <RadioGroup.Item
                    key={k}
                    value={k}
                    disabled={disabled}
                    className={cn(
                      'rounded-[10px] border border-line p-3 text-left transition-colors duration-150',
                      'hover:bg-hover data-[state=checked]:border-accent data-[state=checked]:bg-accent-soft/60',
                      'disabled:cursor-not-allowed disabled:opacity-60',
                    )}
                  >
                    <span className="block text-[13px] font-medium text-fg">{t(`editor.kind.${k}`)}</span>
                    <span className="block text-[12px] text-muted">{hint}</span>
                  </RadioGroup.Item>
                );
              })}
            </RadioGroup.Root>
          </div>
        ) : null}

        {source === 'subscription' && client ? (
          <div className="grid grid-cols-6 items-start gap-4" data-testid="from-subscription">
            <Field className="col-span-4" label={t('editor.subscription')} error={v.errorFor('subscriptionId')}>
              {(p) => (
                <Select
                  {...p}
                  value={subscriptionId}
                  placeholder={t('editor.chooseSubscription')}
                  onChange={(id) => {
                    setSubscriptionId(id);
                    v.edited('subscriptionId');
                    setError(null);
                  }}
                  options={subscriptions.map((s) => ({
                    value: String(s.id),
                    label: s.serviceName,
                    hint: t('editor.perMonth', { fee: formatMoney(s.feeMinor, s.currency, lang) }),
                  }))}
                />
              )}
            </Field>
            <Field className="col-span-2" label={t('editor.month')} error={v.errorFor('month')}>
              {(p) => (
                <MonthPicker
                  {...p}
                  label={t('editor.month')}
                  value={month}
                  onChange={(m) => {
                    setMonth(m);
                    v.edited('month');
                  }}
                />
              )}
            </Field>
          </div>
        ) : null}

        {source === 'manual' && (editing || client) ? (
          <>
            <div className="grid grid-cols-6 items-start gap-4">
              <Field className="col-span-2" label={t('editor.currency')} error={v.errorFor('currency')}>
                {(p) => (
                  <CurrencySelect
                    {...p}
                    value={currency}
                    onChange={(c) => {
                      setCurrency(c as Currency);
                      v.edited('currency');
                    }}
                  />
                )}
              </Field>
              {reverseCharge ? (
                <Banner tone="info" title={t('editor.reverseChargeTitle')} className="col-span-4">
                  {t('editor.reverseChargeHint', {
                    country: countryName(editing ? editing.client.country : (client?.country ?? ''), lang),
                  })}
                </Banner>
              ) : null}
            </div>

            <fieldset className="flex flex-col gap-2" data-testid="lines-editor">
              <legend className="mb-2 text-[13px] font-medium text-fg">{t('editor.lines')}</legend>
              <div
                aria-hidden="true"
                className="grid grid-cols-[minmax(0,1fr)_72px_140px_92px_112px_28px] gap-2 text-[12px] font-medium text-muted"
              >
                <span>{t('line.description')}</span>
                <span className="text-right">{t('line.quantity')}</span>
                <span className="text-right">{t('line.unitPrice')}</span>
                <span className="text-right">{t('line.tax')}</span>
                <span className="text-right">{t('line.amount')}</span>
                <span />
              </div>
              {lines.map((l, i) => {
                const parsed = parsedLines[i]!;
                const net = lineState(parsed) === 'counted' ? parsed.quantity * parsed.unitPriceMinor : null;
                const n = i + 1;
                return (
                  <div
                    key={l.key}
                    className="grid grid-cols-[minmax(0,1fr)_72px_140px_92px_112px_28px] items-start gap-2"
                    data-testid="line-row"
                  >
                    <Field
                      label={t('line.descriptionN', { n })}
                      labelHidden
                      error={v.errorFor(`lines.${i}.description`)}
                    >
                      {(p) => (
                        <Input
                          {...p}
                          ref={i === lines.length - 1 ? newDescription : undefined}
                          value={l.description}
                          placeholder={t('line.descriptionPlaceholder')}
                          onChange={(ev) => setLine(l.key, { description: ev.target.value }, 'description')}
                          onBlur={() => v.touch(`lines.${i}.description`)}
                        />
                      )}
                    </Field>
                    <Field label={t('line.quantityN', { n })} labelHidden error={v.errorFor(`lines.${i}.quantity`)}>
                      {(p) => (
                        <Input
                          {...p}
                          inputMode="numeric"
                          className="text-right tabular-nums"
                          value={l.quantity}
                          onChange={(ev) => setLine(l.key, { quantity: ev.target.value }, 'quantity')}
                          onBlur={() => v.touch(`lines.${i}.quantity`)}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('line.unitPriceN', { n })}
                      labelHidden
                      error={v.errorFor(`lines.${i}.unitPriceMinor`)}
                    >
                      {(p) => (
                        <UnitInput
                          {...p}
                          unit={currency}
                          value={l.price}
                          onChange={(ev) => setLine(l.key, { price: ev.target.value }, 'unitPriceMinor')}
                          onBlur={() => v.touch(`lines.${i}.unitPriceMinor`)}
                          className="[&_input]:pr-12"
                        />
                      )}
                    </Field>
                    <Field label={t('line.taxN', { n })} labelHidden error={v.errorFor(`lines.${i}.taxRateBp`)}>
                      {(p) => (
                        <UnitInput
                          {...p}
                          unit="%"
                          value={l.tax}
                          placeholder="0"
                          onChange={(ev) => setLine(l.key, { tax: ev.target.value }, 'taxRateBp')}
                          onBlur={() => v.touch(`lines.${i}.taxRateBp`)}
                        />
                      )}
                    </Field>
                    <output
                      className="flex h-8 items-center justify-end text-[13px] tabular-nums text-fg"
                      aria-label={t('line.amountN', { n })}
                    >
                      {net === null ? '—' : formatMoney(net, currency, lang)}
                    </output>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      className="mt-0.5"
                      aria-label={t('line.removeN', { n })}
                      disabled={lines.length === 1}
                      onClick={() => removeLine(l.key)}
                    >
                      <Trash2 />
                    </Button>
                  </div>
                );
              })}
              {v.errorFor('lines') ? (
                <p className="text-[12px] text-danger-text" role="alert">
                  {v.errorFor('lines')}
                </p>
              ) : null}
              <div className="flex items-start justify-between gap-6 pt-1">
                <Button size="sm" icon={<Plus />} onClick={addLine}>
                  {t('editor.addLine')}
                </Button>
                <div className="w-64">
                  <dl className="text-[13px]" data-testid="editor-totals">
                    <div className="flex justify-between py-0.5 text-muted">
                      <dt>{t('totals.net')}</dt>
                      <dd className="tabular-nums">{formatMoney(totals.net, currency, lang)}</dd>
                    </div>
                    <div className="flex justify-between py-0.5 text-muted">
                      <dt>{t('totals.tax')}</dt>
                      <dd className="tabular-nums">{formatMoney(totals.tax, currency, lang)}</dd>
                    </div>
                    <div className="flex justify-between border-t border-line pt-1 font-semibold text-fg">
                      <dt>{t('totals.total')}</dt>
                      <dd className="tabular-nums">{formatMoney(totals.total, currency, lang)}</dd>
                    </div>
                  </dl>
                  {totals.excluded > 0 ? (
                    <p className="pt-1 text-[12px] text-warning-text" data-testid="editor-excluded">
                      {t('editor.excluded', { count: totals.excluded })}
                    </p>
                  ) : null}
                </div>
              </div>
            </fieldset>

            <Field label={t('editor.notes')} optional optionalLabel={t('optional')} error={v.errorFor('notes')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={notes}
                  placeholder={t('editor.notesPlaceholder')}
                  onChange={(ev) => {
                    setNotes(ev.target.value);
                    v.edited('notes');
                  }}
                  onBlur={() => v.touch('notes')}
                  className="min-h-16 w-full rounded-[var(--radius-control)] border border-line-strong bg-surface px-2.5 py-1.5 text-[13px] text-fg transition-colors duration-150 hover:border-faint focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 aria-[invalid=true]:border-danger"
                />
              )}
            </Field>
          </>
        ) : null}
      </form>
      {prompt}
    </Modal>
  );
}

import { Contract, ContractEvent, ContractStatus, OptionPeriod } from '@sopu/shared';
import { I18n, TranslationKey } from '@sopu/web/i18n';
import { formatDecimal, formatEuros } from './contract-format';

/** One line of a history entry: which field, and its value before and after, ready to read. */
export interface ReadableChange {
  field: string;
  from: string;
  to: string;
}

/** What the history needs besides the contract to name things. */
export interface ChangeContext {
  contract: Contract;
  serviceName(code: string): string;
  unitName(id: string): string;
}

const CONTRACT_FIELDS: Record<string, TranslationKey> = {
  number: 'contracts.field.number',
  title: 'contracts.field.title',
  validFrom: 'contracts.field.validFrom',
  validTo: 'contracts.field.validTo',
  reportingDueDays: 'contracts.field.reportingDueDays',
  managerId: 'contracts.field.manager',
  options: 'contracts.field.options',
  status: 'contracts.field.status',
};

const SERVICE_FIELDS: Record<string, TranslationKey> = {
  estimatedVolume: 'contracts.field.estimatedVolume',
  unitIds: 'contracts.field.units',
  terms: 'contracts.field.terms',
};

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * An amendment's changes as people read them: "Home care: unit price 52,40 € → 54,10 €",
 * "Home care: monitoring terms version 1 → version 2". Field names come from the API as
 * `title`, `services.HOME_CARE.unitPrice`, `services.HOME_CARE.terms`, `status`.
 */
export function readableChanges(event: ContractEvent, i18n: I18n, context: ChangeContext): ReadableChange[] {
  const locale = i18n.locale();
  const none = i18n.t('contracts.history.none');
  const date = (value: unknown) => (isText(value) ? i18n.date(value) : none);
  const priceKey: TranslationKey =
    context.contract.kind === 'VOUCHER_APPROVAL'
      ? 'contracts.field.voucherValue'
      : 'contracts.field.unitPrice';

  const termsVersion = (termsId: unknown): string => {
    if (!isText(termsId)) return none;
    for (const service of context.contract.services)
      for (const terms of service.terms)
        if (terms.termsId === termsId) return i18n.t('contracts.termsVersion', { version: terms.version });
    return i18n.t('contracts.history.unknownVersion');
  };

  return event.changes.map(({ field, from, to }): ReadableChange => {
    const service = /^services\.([^.]+)(?:\.(.+))?$/.exec(field);
    if (service) {
      const [, code, part] = service;
      const name = context.serviceName(code);
      if (!part)
        return {
          field: i18n.t('contracts.field.service', { service: name }),
          from: from === null ? none : i18n.t('contracts.history.included'),
          to: to === null ? i18n.t('contracts.history.removed') : i18n.t('contracts.history.added'),
        };
      const value = (v: unknown): string => {
        if (v === null || v === undefined) return none;
        if (part === 'unitPrice' && isText(v)) return formatEuros(v, locale);
        if (part === 'estimatedVolume' && isText(v)) return formatDecimal(v, locale);
        if (part === 'unitIds' && Array.isArray(v))
          return v.length ? v.map((id) => context.unitName(String(id))).join(', ') : none;
        if (part === 'terms') return termsVersion(v);
        return String(v);
      };
      const label = part === 'unitPrice' ? priceKey : SERVICE_FIELDS[part];
      return {
        field: `${name}: ${label ? i18n.t(label).toLowerCase() : part}`,
        from: value(from),
        to: value(to),
      };
    }
    const value = (v: unknown): string => {
      if (field === 'validTo' && v === null) return i18n.t('contracts.untilFurtherNotice');
      if (v === null || v === undefined || v === '') return none;
      if (field === 'validFrom' || field === 'validTo') return date(v);
      if (field === 'status') return i18n.t(`contracts.status.${v as ContractStatus}`);
      if (field === 'options' && Array.isArray(v))
        return v.length
          ? (v as OptionPeriod[])
              .map(
                (o) =>
                  `${date(o.from)}–${date(o.to)}${o.exercised ? ` (${i18n.t('contracts.option.exercised').toLowerCase()})` : ''}`,
              )
              .join(', ')
          : none;
      if (field === 'managerId')
        return v === context.contract.managerId
          ? (context.contract.managerName ?? none)
          : i18n.t('contracts.history.otherManager');
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    };
    const label = CONTRACT_FIELDS[field];
    return { field: label ? i18n.t(label) : field, from: value(from), to: value(to) };
  });
}

import { Pipe, PipeTransform, inject } from '@angular/core';
import {
  ContractEventKind,
  ContractKind,
  ContractStatus,
  ExpectedReportStatus,
  PeriodType,
} from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';

type LabelKind = 'kind' | 'status' | 'period' | 'report' | 'event';

/** The contracts' code values in the UI language: `{{ c.status | contractLabel: 'status' }}`. */
@Pipe({ name: 'contractLabel', pure: false })
export class ContractLabel implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: ContractKind, kind: 'kind'): string;
  transform(value: ContractStatus, kind: 'status'): string;
  transform(value: PeriodType, kind: 'period'): string;
  transform(value: ExpectedReportStatus, kind: 'report'): string;
  transform(value: ContractEventKind, kind: 'event'): string;
  transform(value: string, kind: LabelKind): string {
    switch (kind) {
      case 'kind':
        return this.i18n.t(`contracts.kind.${value as ContractKind}`);
      case 'status':
        return this.i18n.t(`contracts.status.${value as ContractStatus}`);
      case 'period':
        return this.i18n.t(`contracts.periodType.${value as PeriodType}`);
      case 'report':
        return this.i18n.t(`contracts.reportStatus.${value as ExpectedReportStatus}`);
      case 'event':
        return this.i18n.t(`contracts.event.${value as ContractEventKind}`);
    }
  }
}

import { Pipe, PipeTransform, inject } from '@angular/core';
import {
  CorrectiveActionSeverity,
  CorrectiveActionStatus,
  DeviationKind,
  DeviationStatus,
} from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';

interface Labelled {
  deviationKind: DeviationKind;
  deviationStatus: DeviationStatus;
  actionStatus: CorrectiveActionStatus;
  severity: CorrectiveActionSeverity;
}

/** `{{ action.status | steeringLabel: 'actionStatus' }}`: a steering code in the UI language. Impure to follow the language. */
@Pipe({ name: 'steeringLabel', pure: false })
export class SteeringLabel implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform<K extends keyof Labelled>(value: Labelled[K], kind: K): string {
    return steeringLabel(this.i18n, kind, value);
  }
}

export function steeringLabel<K extends keyof Labelled>(i18n: I18n, kind: K, value: Labelled[K]): string {
  switch (kind) {
    case 'deviationKind':
      return i18n.t(`deviations.kind.${value as DeviationKind}`);
    case 'deviationStatus':
      return i18n.t(`deviations.status.${value as DeviationStatus}`);
    case 'actionStatus':
      return i18n.t(`actions.status.${value as CorrectiveActionStatus}`);
    default:
      return i18n.t(`actions.severity.${value as CorrectiveActionSeverity}`);
  }
}

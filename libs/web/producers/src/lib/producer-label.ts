import { Pipe, PipeTransform, inject } from '@angular/core';
import { MajorDistrict, ProducerStatus } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';

/** The registry's code values in the UI language: `{{ unit.district | producerLabel: 'district' }}`. */
@Pipe({ name: 'producerLabel', pure: false })
export class ProducerLabel implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: MajorDistrict, kind: 'district'): string;
  transform(value: ProducerStatus, kind: 'status'): string;
  transform(value: MajorDistrict | ProducerStatus, kind: 'district' | 'status'): string {
    return kind === 'district'
      ? this.i18n.t(`producers.district.${value as MajorDistrict}`)
      : this.i18n.t(`producers.status.${value as ProducerStatus}`);
  }
}

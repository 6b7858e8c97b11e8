import { Pipe, PipeTransform, inject } from '@angular/core';
import { DescriptionStatus, Direction, MeasureType, OutputUnit, ServiceArea } from '@sopu/shared';
import { I18n, TranslationKey } from '@sopu/web/i18n';

interface LabelKinds {
  area: ServiceArea;
  outputUnit: OutputUnit;
  measureType: MeasureType;
  direction: Direction;
  status: DescriptionStatus;
}

/** `{{ description.area | catalogueLabel: 'area' }}`. Impure, like `t`, so that it follows the language. */
@Pipe({ name: 'catalogueLabel', pure: false })
export class CatalogueLabel implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform<K extends keyof LabelKinds>(value: LabelKinds[K], kind: K): string {
    // Every value of each kind has its key (the dictionary test checks them); the signature keeps kinds apart.
    return this.i18n.t(`catalogue.${kind}.${value}` as TranslationKey);
  }
}

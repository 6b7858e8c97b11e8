import { Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Criterion } from '@sopu/shared';
import { CatalogueApi } from '@sopu/web/catalogue';
import { localized } from '@sopu/web/contracts';
import { I18n } from '@sopu/web/i18n';
import { catchError, of } from 'rxjs';

export interface CriterionNames {
  criteria: Signal<Criterion[]>;
  /** A criterion's name in the UI language; its code until the catalogue has answered. */
  name(code: string | null): string;
  byCode(code: string): Criterion | undefined;
}

/** The quality criteria by code, in the UI language. Call in an injection context. */
export function criterionNames(): CriterionNames {
  const i18n = inject(I18n);
  const criteria = toSignal(
    inject(CatalogueApi)
      .criteria()
      // Without names the pages still work with the codes.
      .pipe(catchError(() => of([] as Criterion[]))),
    { initialValue: [] as Criterion[] },
  );
  const map = computed(() => new Map(criteria().map((c) => [c.code, c])));
  return {
    criteria,
    name: (code) => (code ? localized(map().get(code)?.name, i18n.lang()) || code : ''),
    byCode: (code) => map().get(code),
  };
}

/** A measured value in the UI locale with at most two decimals; '' for none. */
export function formatMeasured(value: number | null, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

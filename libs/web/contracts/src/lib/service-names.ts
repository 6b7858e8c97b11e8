import { Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ServiceDescription } from '@sopu/shared';
import { CatalogueApi } from '@sopu/web/catalogue';
import { I18n } from '@sopu/web/i18n';
import { catchError, of } from 'rxjs';
import { localized } from './contract-format';

export interface ServiceNames {
  /** The catalogue's services (the latest version of each), for pickers and filters. */
  services: Signal<ServiceDescription[]>;
  /** A service's name in the UI language; its code until the catalogue has answered. */
  name(code: string): string;
}

/** The services of the catalogue by code, in the UI language. Call in an injection context. */
export function serviceNames(): ServiceNames {
  const i18n = inject(I18n);
  const services = toSignal(
    inject(CatalogueApi)
      .descriptions()
      // Without names the pages still work with the codes.
      .pipe(catchError(() => of([] as ServiceDescription[]))),
    { initialValue: [] as ServiceDescription[] },
  );
  const byCode = computed(() => new Map(services().map((s) => [s.code, s])));
  return {
    services,
    name: (code: string) => localized(byCode().get(code)?.name, i18n.lang()) || code,
  };
}

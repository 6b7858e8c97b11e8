import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from '@sopu/web/i18n';

/** The paginator's texts in the current language; provide it on the page that has the paginator. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.itemsPerPageLabel = this.i18n.t('paginator.itemsPerPage');
      this.firstPageLabel = this.i18n.t('paginator.first');
      this.previousPageLabel = this.i18n.t('paginator.previous');
      this.nextPageLabel = this.i18n.t('paginator.next');
      this.lastPageLabel = this.i18n.t('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    return this.i18n.t('paginator.range', { start, end, total: length });
  };
}

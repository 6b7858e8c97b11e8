import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslationKey } from './dictionaries';
import { I18n, TranslationParams } from './i18n';

/** `{{ 'nav.home' | t }}`. Impure so that it follows the language signal without a reload. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { LANGUAGES, Language } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { AuthStore } from './auth-store';

/** FI / SV / EN switch, before and after sign-in. Each choice is written in its own language. */
@Component({
  selector: 'sopu-language-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  template: `
    <button mat-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="'language.change' | t">
      <mat-icon aria-hidden="true">language</mat-icon>
      <span aria-hidden="true">{{ i18n.lang().toUpperCase() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (lang of languages; track lang) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.lang]="lang"
          [attr.aria-checked]="lang === i18n.lang()"
          (click)="chooseLanguage(lang)"
        >
          @if (lang === i18n.lang()) {
            <mat-icon aria-hidden="true">check</mat-icon>
          } @else {
            <mat-icon aria-hidden="true"></mat-icon>
          }
          <span>{{ i18n.languageName(lang) }}</span>
        </button>
      }
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenu {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  protected readonly languages = LANGUAGES;

  protected chooseLanguage(lang: Language): void {
    // A failed save is announced by the global error notice; the UI keeps the chosen language meanwhile.
    this.auth.changeLanguage(lang).catch(() => undefined);
  }
}

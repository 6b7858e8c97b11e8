import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@sopu/web/i18n';

@Component({
  selector: 'sopu-not-found-page',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'notFound.title' | t }}</h1>
    <p>{{ 'notFound.text' | t }}</p>
    <a mat-flat-button routerLink="/">{{ 'notFound.home' | t }}</a>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    p {
      margin: 0 0 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthStore } from '@sopu/web/auth';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { ProviderHome, StaffHome } from '@sopu/web/steering';

@Component({
  selector: 'sopu-home-page',
  imports: [ProviderHome, StaffHome, TranslatePipe],
  template: `
    @if (user(); as user) {
      <h1>{{ 'home.greeting' | t: { name: user.displayName } }}</h1>
      <p class="role">
        {{ 'home.signedInAs' | t: { role: i18n.role(user.role), organiser: user.organiserName } }}
      </p>
      <p class="lead">{{ roleDescription() }}</p>
      <!-- Deferred: the steering library loads when the home page shows, not with the shell. -->
      @defer {
        @if (user.role === 'PROVIDER_REPORTER') {
          <sopu-provider-home />
        } @else {
          <sopu-staff-home />
        }
      } @loading {
        <p>{{ 'common.loading' | t }}</p>
      }
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 8px;
    }
    .role {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 24px;
    }
    .lead {
      font: var(--mat-sys-body-large);
      max-width: 65ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly i18n = inject(I18n);
  protected readonly user = inject(AuthStore).user;

  protected readonly roleDescription = computed(() => {
    const user = this.user();
    if (!user) return '';
    if (user.role === 'PROVIDER_REPORTER') {
      return this.i18n.t('home.role.PROVIDER_REPORTER', {
        producer: user.producerName ?? '',
        type: user.producerType ? this.i18n.producerType(user.producerType) : '',
      });
    }
    return this.i18n.t(`home.role.${user.role}`);
  });
}

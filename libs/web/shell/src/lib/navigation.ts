import { ROLES, Role } from '@sopu/shared';
import { TranslationKey } from '@sopu/web/i18n';

export interface NavItem {
  path: string;
  label: TranslationKey;
  /** Material Symbols ligature. */
  icon: string;
  roles: readonly Role[];
  /** Highlight only on an exact URL match (the home page would otherwise match every URL). */
  exact?: boolean;
}

/** The side navigation. A new feature adds one entry here, with the roles that may see it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: 'home', roles: ROLES, exact: true },
  { path: '/producers', label: 'nav.producers', icon: 'apartment', roles: ROLES },
  { path: '/contracts', label: 'nav.contracts', icon: 'handshake', roles: ROLES },
  { path: '/reports', label: 'nav.reports', icon: 'assignment', roles: ROLES },
  { path: '/deviations', label: 'nav.deviations', icon: 'report', roles: ROLES },
  { path: '/corrective-actions', label: 'nav.correctiveActions', icon: 'build', roles: ROLES },
  {
    path: '/completeness',
    label: 'nav.completeness',
    icon: 'checklist',
    roles: ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST'],
  },
  {
    path: '/comparisons',
    label: 'nav.comparisons',
    icon: 'leaderboard',
    roles: ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST'],
  },
  { path: '/catalogue/services', label: 'nav.services', icon: 'description', roles: ROLES },
  { path: '/catalogue/criteria', label: 'nav.criteria', icon: 'rule', roles: ROLES },
  { path: '/catalogue/terms', label: 'nav.terms', icon: 'fact_check', roles: ROLES },
  {
    path: '/api-tokens',
    label: 'nav.apiTokens',
    icon: 'key',
    roles: ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'],
  },
  { path: '/admin/users', label: 'nav.users', icon: 'group', roles: ['ADMIN'] },
  { path: '/admin/audit', label: 'nav.audit', icon: 'history', roles: ['ADMIN'] },
  { path: '/account', label: 'nav.account', icon: 'manage_accounts', roles: ROLES },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}

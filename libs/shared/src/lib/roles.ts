/** The four roles of DOMAIN.md. A reporter belongs to exactly one producer. */
export const ROLES = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;
export type Role = (typeof ROLES)[number];

/** Staff of the organiser: they see every producer of their organiser. */
export const ORGANISER_STAFF_ROLES: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST'];

/** Provider-type codes from the city's own unit register (helsinki-tpr/tpr_enums.json). */
export const PRODUCER_TYPES = ['SELF_PRODUCED', 'PURCHASED_SERVICE', 'VOUCHER_SERVICE'] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];

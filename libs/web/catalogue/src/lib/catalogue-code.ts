/** The code of a service description or a criterion, as the API checks it: HOME_CARE, WAIT_3RD_APPOINTMENT. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

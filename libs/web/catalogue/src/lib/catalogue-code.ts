/** The code rule is shared with the API, so the form refuses exactly what the server would. */
export { CODE_PATTERN } from '@sopu/shared';

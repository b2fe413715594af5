/** The lengths a helpdesk change's ticket and reason may have: the rules (helpdesk-request.ts) and the forms read them here. */
export const TICKET_MAX_LENGTH = 64;
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 500;

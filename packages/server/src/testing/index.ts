// Test support exported for e2e journeys (never imported by production code).
export { hashPassword } from "../auth/passwords.ts";
export { enrolTotp, nextTotpCode } from "./totp.ts";

/** The template's `admin` password (LOA_ADMIN_PASSWORD in the template bootstrap). */
export const ADMIN_PASSWORD = 'Admin-password-2026';
/** The password builders give every user they create. */
export const USER_PASSWORD = 'Test-password-2026';

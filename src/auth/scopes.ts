/** What an API token may do; a light module so the CLI can name the scopes without loading argon2. */
export const TOKEN_SCOPES = ['read', 'write', 'publish', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

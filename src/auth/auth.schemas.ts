/** The shapes of accounts, the caller and API tokens in the API answers. Never a password or a token hash. */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';
import { Workspace } from '../workspaces/workspaces.schemas.js';
import { TOKEN_SCOPES } from './scopes.js';

export const User = z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: Instant });
export type User = z.infer<typeof User>;

export const SignUpAnswer = z.object({
  user: User.omit({ createdAt: true }),
  workspace: z.object({ id: z.string(), name: z.string() }).describe('The new account’s first workspace (it owns it)'),
});

export const LogInAnswer = z.object({
  user: User,
  recoveryCodesLeft: z.number().int().optional().describe('Set when a recovery code was used: how many remain'),
});

export const Me = z.object({
  user: User,
  workspaces: z.array(Workspace).describe('For an API token: only its workspace'),
  token: z.object({ id: z.string(), workspaceId: z.string(), scopes: z.array(z.enum(TOKEN_SCOPES)) }).nullable()
    .describe('When the caller is an API token: which, and what it may do; null for a browser session'),
});

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });

/** The answer to creating a token: the one time its secret is shown. */
export const NewApiToken = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  prefix: z.string(),
  token: z.string().describe('The secret: shown this once, stored only as a hash'),
});

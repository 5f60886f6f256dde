/**
 * The Varde API as TypeScript types, generated from the OpenAPI document by web/scripts/gen-api.ts.
 * Do not edit: run `npm run gen:api` after changing a route's schema.
 */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        /** @description one of your recovery codes, instead of `totp` */
                        recoveryCode?: string;
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Set when a recovery code was used: how many remain */
                            recoveryCodesLeft?: number;
                            user: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (the first one owns the first workspace) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                        workspaceName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description The new account’s first workspace (it owns it) */
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** First-run state: no account yet, and whether sign-up is open */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            needsFirstAccount: boolean;
                            signupOpen: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation is for (no log-in needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            expiresAt: string;
                            invitedBy: string | null;
                            /** @enum {string} */
                            role: "admin" | "editor" | "contributor" | "viewer";
                            workspaceName: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: logged in, or creating your account with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        name?: string;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            role: "admin" | "editor" | "contributor" | "viewer";
                            userId: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user, workspaces, and for a token its workspace and scopes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the caller is an API token: which, and what it may do; null for a browser session */
                            token: {
                                id: string;
                                scopes: ("read" | "write" | "publish" | "admin")[];
                                workspaceId: string;
                            } | null;
                            user: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description For an API token: only its workspace */
                            workspaces: {
                                id: string;
                                name: string;
                                /**
                                 * @description The caller’s role in it
                                 * @enum {string}
                                 */
                                role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which notifications you get by e-mail and see in the app, per kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: {
                                [key: string]: boolean;
                            };
                            inApp: {
                                [key: string]: boolean;
                            };
                        };
                    };
                };
            };
        };
        /** Switch e-mail and in-app notifications on or off per kind */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: {
                            [key: string]: boolean;
                        };
                        inApp?: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: {
                                [key: string]: boolean;
                            };
                            inApp: {
                                [key: string]: boolean;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your active log-in sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                /** @description The session making this request */
                                current: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                expiresAt: string;
                                id: string;
                                ip: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                lastSeenAt: string;
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Log a session out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/log-out-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out all your other sessions (this one stays) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            loggedOut: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether two-factor log-in is on for you */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            recoveryCodesLeft: number;
                            since: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor log-in off (needs your password); deletes the recovery codes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor log-in on by entering a code from the app; answers the recovery codes, shown only this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            /** @description Single-use codes, shown only this once */
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace your recovery codes with ten new ones (needs your password or a current code); the old ones stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Single-use codes, shown only this once */
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start two-factor log-in: a new secret to add to an authenticator app (shown only in this answer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The same secret as an otpauth:// link (for a QR code) */
                            otpauthUrl: string;
                            /** @description Base32; shown only this once */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Networks this server offers, and what the operator must configure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            networks: {
                                beta: boolean;
                                /** @description Offered, and every setting its app needs is set */
                                configured: boolean;
                                /** @description How a channel is connected: a form (handle, URL…) or a login at the network */
                                connect: ("form" | "oauth") | null;
                                /** @description Environment variables the operator still has to set */
                                missingSettings: string[];
                                name: string;
                                /** @enum {string} */
                                network: "x" | "facebook" | "instagram" | "threads" | "linkedin" | "youtube" | "pinterest" | "tiktok" | "snapchat" | "bluesky" | "mastodon" | "telegram" | "discord" | "reddit" | "webhook";
                                /** @description This server has a provider for the network */
                                offered: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/callback/{network}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the network sends the user back (register this redirect URL at the network) */
        get: {
            parameters: {
                query?: {
                    /** @description The authorisation code */
                    code?: string;
                    /** @description Why the user or network refused */
                    error?: string;
                    error_description?: string;
                    /** @description The state Varde sent */
                    state?: string;
                };
                header?: never;
                path: {
                    network: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client review: the posts of the period as previews per channel, each file with its kind and each follow-up with its files (no account needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            from: string;
                            name: string;
                            posts: {
                                /** @enum {string} */
                                approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                                comments: {
                                    /** Format: date-time */
                                    at: string;
                                    body: string;
                                    name: string;
                                }[];
                                id: string;
                                link: string | null;
                                media: {
                                    alt: string | null;
                                    /**
                                     * @description From the stored file’s type: a video is shown as a player, anything else as an image
                                     * @enum {string}
                                     */
                                    kind: "image" | "video";
                                    url: string;
                                }[];
                                /** @description Decisions on the current version */
                                reviews: {
                                    /** Format: date-time */
                                    at: string;
                                    comment: string | null;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    name: string;
                                }[];
                                scheduledAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                targets: {
                                    /** @description The channel’s name */
                                    channel: string;
                                    dueAt: string | null;
                                    /** @description The thread after the first part, in order */
                                    followups: {
                                        media: {
                                            alt: string | null;
                                            /**
                                             * @description From the stored file’s type: a video is shown as a player, anything else as an image
                                             * @enum {string}
                                             */
                                            kind: "image" | "video";
                                            url: string;
                                        }[];
                                        text: string;
                                    }[];
                                    /** @description The account’s handle; a webhook’s address is not shown on a client’s review page */
                                    handle: string | null;
                                    media: {
                                        alt: string | null;
                                        /**
                                         * @description From the stored file’s type: a video is shown as a player, anything else as an image
                                         * @enum {string}
                                         */
                                        kind: "image" | "video";
                                        url: string;
                                    }[];
                                    network: string;
                                    text: string;
                                }[];
                                text: string;
                            }[];
                            /** Format: date-time */
                            to: string;
                            workspace: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}/posts/{postId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A client comments on one post */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postId: string;
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Ids of the members the comment mentions (they are notified) */
                            mentions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}/posts/{postId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A client approves or rejects one post */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postId: string;
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** @enum {string} */
                        decision: "approved" | "rejected";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One-click unsubscribe from one kind of e-mail (the link in each e-mail) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{network}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incoming webhooks from a network (comments, mentions, messages): verified over the raw body, then stored once */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    network: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Incoming webhooks from a network (comments, mentions, messages): verified over the raw body, then stored once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    network: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspaces */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspaces: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                id: string;
                                name: string;
                                /**
                                 * @description The caller’s role in it
                                 * @enum {string}
                                 */
                                role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /**
                             * @description The caller’s role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            /**
                             * @description The caller’s role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a workspace */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /**
                             * @description The caller’s role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts waiting for approval (up to 200, soonest first), previewed per channel with each file's kind and each follow-up's files */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            posts: {
                                /** @enum {string} */
                                approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                                createdBy: string | null;
                                id: string;
                                link: string | null;
                                revision: number;
                                scheduledAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                targets: {
                                    /** @description The channel’s name */
                                    channel: string;
                                    dueAt: string | null;
                                    /** @description The thread after the first part, in order */
                                    followups: {
                                        media: {
                                            alt: string | null;
                                            /**
                                             * @description From the stored file’s type: a video is shown as a player, anything else as an image
                                             * @enum {string}
                                             */
                                            kind: "image" | "video";
                                            url: string;
                                        }[];
                                        text: string;
                                    }[];
                                    /** @description The account’s handle; a webhook’s address is not shown on a client’s review page */
                                    handle: string | null;
                                    media: {
                                        alt: string | null;
                                        /**
                                         * @description From the stored file’s type: a video is shown as a player, anything else as an image
                                         * @enum {string}
                                         */
                                        kind: "image" | "video";
                                        url: string;
                                    }[];
                                    network: string;
                                    text: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what, when, through which session or token (JSON or CSV) */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the action, e.g. "posts" or "DELETE" */
                    action?: string;
                    actorUserId?: string;
                    format?: "json" | "csv";
                    from?: string;
                    limit?: number;
                    offset?: number;
                    subjectId?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actorEmail: string | null;
                                /** @enum {string} */
                                actorKind: "session" | "token" | "review_link" | "system" | "anonymous";
                                actorUserId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                at: string;
                                id: string;
                                ip: string | null;
                                /** @description The log-in session used, if any */
                                sessionId: string | null;
                                /** @description The HTTP status of the request */
                                status: number | null;
                                subjectId: string | null;
                                subjectType: string | null;
                                summary: string;
                                /** @description The API token used, if any */
                                tokenId: string | null;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts scheduled in a time range, lean, for calendars */
        get: {
            parameters: {
                query: {
                    campaignId?: string;
                    channelId?: string;
                    /** @description Scheduled at or after */
                    from: string;
                    /** @description Only the first N posts of each day (a month grid), with every day's count in `days`; needs `timeZone` */
                    perDay?: number;
                    status?: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                    /** @description IANA time zone that days are counted in, e.g. Europe/Oslo */
                    timeZone?: string;
                    /** @description Scheduled before */
                    to: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description With `perDay`: how many posts each day holds (days without posts left out) */
                            days?: {
                                count: number;
                                /** @description YYYY-MM-DD in `timeZone` */
                                day: string;
                            }[];
                            posts: {
                                campaignId: string | null;
                                deliveries: {
                                    channelId: string;
                                    /** @enum {string} */
                                    state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                }[];
                                id: string;
                                mediaCount: number;
                                /** @description ISO-8601, UTC */
                                scheduledAt: string;
                                /** @enum {string} */
                                status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The first 140 characters of the base text */
                                text: string;
                            }[];
                            truncated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaigns: {
                                colour: string | null;
                                createdAt: string;
                                /** @description YYYY-MM-DD */
                                endsOn: string | null;
                                id: string;
                                landingUrl: string | null;
                                name: string;
                                /** @description Posts in the campaign, drafts included */
                                postCount: number;
                                /** @description YYYY-MM-DD */
                                startsOn: string | null;
                                updatedAt: string;
                                utmCampaign: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a campaign */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown on the calendar, as #rrggbb */
                        colour?: string | null;
                        /** @description The campaign’s last day: not before its first (else 400, code campaign.ends_before_start) */
                        endsOn?: string | null;
                        /** @description The page the campaign sends people to, http(s) */
                        landingUrl?: string | null;
                        name: string;
                        /** @description The campaign’s first day */
                        startsOn?: string | null;
                        /** @description The utm_campaign value for links in the campaign’s posts */
                        utmCampaign?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            colour: string | null;
                            createdAt: string;
                            /** @description YYYY-MM-DD */
                            endsOn: string | null;
                            id: string;
                            landingUrl: string | null;
                            name: string;
                            /** @description Posts in the campaign, drafts included */
                            postCount: number;
                            /** @description YYYY-MM-DD */
                            startsOn: string | null;
                            updatedAt: string;
                            utmCampaign: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a campaign (its posts stay, without a campaign) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a campaign: its name, colour, UTM name, landing page or dates */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown on the calendar, as #rrggbb */
                        colour?: string | null;
                        /** @description The campaign’s last day: not before its first (else 400, code campaign.ends_before_start) */
                        endsOn?: string | null;
                        /** @description The page the campaign sends people to, http(s) */
                        landingUrl?: string | null;
                        name?: string;
                        /** @description The campaign’s first day */
                        startsOn?: string | null;
                        /** @description The utm_campaign value for links in the campaign’s posts */
                        utmCampaign?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            colour: string | null;
                            createdAt: string;
                            /** @description YYYY-MM-DD */
                            endsOn: string | null;
                            id: string;
                            landingUrl: string | null;
                            name: string;
                            /** @description Posts in the campaign, drafts included */
                            postCount: number;
                            /** @description YYYY-MM-DD */
                            startsOn: string | null;
                            updatedAt: string;
                            utmCampaign: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connected channels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                /** @description The account’s id on the network */
                                externalId: string | null;
                                handle: string | null;
                                id: string;
                                name: string;
                                /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                                network: string;
                                profileUrl: string | null;
                                /** @description Weekly posting slots, in the channel’s own time zone */
                                schedule: {
                                    slots: {
                                        /** @description HH:MM */
                                        time: string;
                                        /** @description ISO weekday, Monday = 1 */
                                        weekday: number;
                                    }[];
                                    timezone: string;
                                };
                                /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "active" | "needs_reconnect" | "disabled";
                                statusReason: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Connect a channel (Bluesky account or webhook) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An app password from Bluesky settings, not the account password */
                        appPassword: string;
                        /** @description e.g. alice.bsky.social */
                        handle: string;
                        name?: string;
                        /** @enum {string} */
                        network: "bluesky";
                        /**
                         * Format: uri
                         * @description Defaults to https://bsky.social
                         */
                        pdsUrl?: string;
                        timezone?: string;
                    } | {
                        name?: string;
                        /** @enum {string} */
                        network: "webhook";
                        /** @description Signing secret (whsec_…); generated when omitted */
                        secret?: string;
                        timezone?: string;
                        /**
                         * Format: uri
                         * @description Where each post is POSTed as signed JSON
                         */
                        url: string;
                        /** @description Send a signed ping and require a 2xx before saving */
                        verify?: boolean;
                    } | {
                        /** @description The token @BotFather gave for your bot */
                        botToken: string;
                        /** @description The channel or group: @username for public ones, or the numeric id (-100…) for private ones */
                        chatId: string | number;
                        name?: string;
                        /** @enum {string} */
                        network: "telegram";
                        timezone?: string;
                    } | {
                        /** @description Your bot’s token (Developer Portal → Bot → Reset Token); with channelId */
                        botToken?: string;
                        channelId?: string;
                        name?: string;
                        /** @enum {string} */
                        network: "discord";
                        timezone?: string;
                        /**
                         * Format: uri
                         * @description A channel webhook (Channel settings → Integrations → Webhooks → Copy Webhook URL)
                         */
                        webhookUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description The account’s id on the network */
                            externalId: string | null;
                            handle: string | null;
                            id: string;
                            name: string;
                            /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                            network: string;
                            profileUrl: string | null;
                            /** @description Weekly posting slots, in the channel’s own time zone */
                            schedule: {
                                slots: {
                                    /** @description HH:MM */
                                    time: string;
                                    /** @description ISO weekday, Monday = 1 */
                                    weekday: number;
                                }[];
                                timezone: string;
                            };
                            /** @description Webhook channels only, when the server generated the signing secret: shown this once */
                            secret?: string;
                            /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "active" | "needs_reconnect" | "disabled";
                            statusReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description The account’s id on the network */
                            externalId: string | null;
                            handle: string | null;
                            id: string;
                            name: string;
                            /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                            network: string;
                            profileUrl: string | null;
                            /** @description Weekly posting slots, in the channel’s own time zone */
                            schedule: {
                                slots: {
                                    /** @description HH:MM */
                                    time: string;
                                    /** @description ISO weekday, Monday = 1 */
                                    weekday: number;
                                }[];
                                timezone: string;
                            };
                            /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "active" | "needs_reconnect" | "disabled";
                            statusReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect and forget a channel (its deliveries go with it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a channel */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description The account’s id on the network */
                            externalId: string | null;
                            handle: string | null;
                            id: string;
                            name: string;
                            /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                            network: string;
                            profileUrl: string | null;
                            /** @description Weekly posting slots, in the channel’s own time zone */
                            schedule: {
                                slots: {
                                    /** @description HH:MM */
                                    time: string;
                                    /** @description ISO weekday, Monday = 1 */
                                    weekday: number;
                                }[];
                                timezone: string;
                            };
                            /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "active" | "needs_reconnect" | "disabled";
                            statusReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel’s followers over time and its posts’ totals */
        get: {
            parameters: {
                query?: {
                    /** @description Default: 30 days before "to" */
                    from?: string;
                    /** @description Default: now */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            channelId: string;
                            /** @description One reading a day, oldest first */
                            followers: {
                                /** Format: date-time */
                                collectedAt: string;
                                followers: number | null;
                                /** @description The network’s own names and values */
                                raw: {
                                    [key: string]: number | string | null;
                                };
                            }[];
                            /** Format: date-time */
                            from: string;
                            network: string;
                            offered: {
                                followers: boolean;
                                posts: boolean;
                            };
                            /** @description Posts published in the range, newest first, each with its latest snapshot */
                            posts: {
                                /** Format: uuid */
                                channelId: string;
                                channelName: string;
                                /** @description The latest snapshot; null when never measured */
                                collectedAt: string | null;
                                /** Format: uuid */
                                deliveryId: string;
                                excerpt: string;
                                metrics: {
                                    clicks: number | null;
                                    /** @description Comments or replies */
                                    comments: number | null;
                                    /** @description Impressions or views */
                                    impressions: number | null;
                                    /** @description Likes, favourites or reactions */
                                    likes: number | null;
                                    saves: number | null;
                                    /** @description Shares, reposts, boosts or quotes */
                                    shares: number | null;
                                } | null;
                                network: string;
                                /** @description When it is measured next; null when collection has stopped (after 30 days) or is not offered */
                                nextCollectionAt: string | null;
                                /** @description The network offers post metrics to Varde */
                                offered: boolean;
                                /** Format: uuid */
                                postId: string;
                                publishedAt: string | null;
                                raw: {
                                    [key: string]: number | string | null;
                                } | null;
                                state: string;
                                url: string | null;
                            }[];
                            /** Format: date-time */
                            to: string;
                            /** @description Sums over the posts listed */
                            totals: {
                                clicks: number | null;
                                /** @description Comments or replies */
                                comments: number | null;
                                /** @description Impressions or views */
                                impressions: number | null;
                                /** @description Likes, favourites or reactions */
                                likes: number | null;
                                saves: number | null;
                                /** @description Shares, reposts, boosts or quotes */
                                shares: number | null;
                            };
                            /** @description More than 500 posts in the range */
                            truncated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upcoming posts and the next free slots of a channel */
        get: {
            parameters: {
                query?: {
                    free?: number;
                };
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The next free posting slots */
                            freeSlots: string[];
                            timezone: string;
                            /** @description Waiting and publishing deliveries of the channel, soonest first (at most 200) */
                            upcoming: {
                                deliveryId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                dueAt: string;
                                postId: string;
                                /** @enum {string} */
                                state: "scheduled" | "queued" | "publishing";
                                /** @description The post’s base text */
                                text: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}/queue/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder waiting posts of a channel: they keep their times, taken in the order given */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Waiting deliveries of this channel (from GET …/queue) in their new order */
                        deliveryIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}/reconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in again (new app password or secret); the channel becomes active */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An app password from Bluesky settings, not the account password */
                        appPassword: string;
                        /** @description e.g. alice.bsky.social */
                        handle: string;
                        name?: string;
                        /** @enum {string} */
                        network: "bluesky";
                        /**
                         * Format: uri
                         * @description Defaults to https://bsky.social
                         */
                        pdsUrl?: string;
                        timezone?: string;
                    } | {
                        name?: string;
                        /** @enum {string} */
                        network: "webhook";
                        /** @description Signing secret (whsec_…); generated when omitted */
                        secret?: string;
                        timezone?: string;
                        /**
                         * Format: uri
                         * @description Where each post is POSTed as signed JSON
                         */
                        url: string;
                        /** @description Send a signed ping and require a 2xx before saving */
                        verify?: boolean;
                    } | {
                        /** @description The token @BotFather gave for your bot */
                        botToken: string;
                        /** @description The channel or group: @username for public ones, or the numeric id (-100…) for private ones */
                        chatId: string | number;
                        name?: string;
                        /** @enum {string} */
                        network: "telegram";
                        timezone?: string;
                    } | {
                        /** @description Your bot’s token (Developer Portal → Bot → Reset Token); with channelId */
                        botToken?: string;
                        channelId?: string;
                        name?: string;
                        /** @enum {string} */
                        network: "discord";
                        timezone?: string;
                        /**
                         * Format: uri
                         * @description A channel webhook (Channel settings → Integrations → Webhooks → Copy Webhook URL)
                         */
                        webhookUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description The account’s id on the network */
                            externalId: string | null;
                            handle: string | null;
                            id: string;
                            name: string;
                            /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                            network: string;
                            profileUrl: string | null;
                            /** @description Weekly posting slots, in the channel’s own time zone */
                            schedule: {
                                slots: {
                                    /** @description HH:MM */
                                    time: string;
                                    /** @description ISO weekday, Monday = 1 */
                                    weekday: number;
                                }[];
                                timezone: string;
                            };
                            /** @description Webhook channels only, when the server generated the signing secret: shown this once */
                            secret?: string;
                            /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "active" | "needs_reconnect" | "disabled";
                            statusReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the weekly posting slots, in the channel’s own time zone */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slots: {
                            time: string;
                            /** @description ISO weekday, Monday = 1 */
                            weekday: number;
                        }[];
                        timezone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description The account’s id on the network */
                            externalId: string | null;
                            handle: string | null;
                            id: string;
                            name: string;
                            /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                            network: string;
                            profileUrl: string | null;
                            /** @description Weekly posting slots, in the channel’s own time zone */
                            schedule: {
                                slots: {
                                    /** @description HH:MM */
                                    time: string;
                                    /** @description ISO weekday, Monday = 1 */
                                    weekday: number;
                                }[];
                                timezone: string;
                            };
                            /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "active" | "needs_reconnect" | "disabled";
                            statusReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/oauth/{network}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start connecting a network by logging in there: returns the URL to send the user to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    network: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Mastodon: the server, e.g. mastodon.social */
                        instance?: string;
                        /**
                         * Format: uuid
                         * @description Renew the login of this channel instead of adding one
                         */
                        reconnectChannelId?: string;
                        /** @description A path in the web app to come back to */
                        returnTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send the user’s browser here */
                            authorizeUrl: string;
                            /** @description Where the network sends the user back */
                            redirectUri: string;
                            /** @description Names this sign-in in GET …/channels/oauth/:state */
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/oauth/{state}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sign-in: status, error, and the accounts to pick from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    state: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description With awaiting_pick: the accounts (pages, organisations, boards…) the login gives */
                            candidates: {
                                externalId: string;
                                handle: string;
                                name: string;
                                profileUrl?: string;
                            }[];
                            error: string | null;
                            network: string;
                            state: string;
                            /** @enum {string} */
                            status: "pending" | "awaiting_pick" | "done" | "failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/oauth/{state}/pick": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add the picked accounts (pages, organisations, boards…) as channels */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    state: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                /** @description The account’s id on the network */
                                externalId: string | null;
                                handle: string | null;
                                id: string;
                                name: string;
                                /** @description The network’s slug, e.g. bluesky, mastodon, webhook */
                                network: string;
                                profileUrl: string | null;
                                /** @description Weekly posting slots, in the channel’s own time zone */
                                schedule: {
                                    slots: {
                                        /** @description HH:MM */
                                        time: string;
                                        /** @description ISO weekday, Monday = 1 */
                                        weekday: number;
                                    }[];
                                    timezone: string;
                                };
                                /** @description What the network’s provider shows of the channel’s settings (never a secret) */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "active" | "needs_reconnect" | "disabled";
                                statusReason: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/deliveries/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle a delivery that needs attention: it went out, or it did not */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @enum {string} */
                        outcome: "published" | "failed";
                        /** Format: uri */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed delivery again now (same idempotency key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/deliveries/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete a published post from the network (where the network allows) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live status (text/event-stream): `change` events list the posts, deliveries and inbox items that changed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox items, filtered (channel, network, state, assignee, tag, sentiment, kind, priority, post, unread) and searched */
        get: {
            parameters: {
                query?: {
                    /** @description "me", "none" or a user id */
                    assignee?: ("me" | "none") | string;
                    channelId?: string;
                    kind?: "comment" | "reply" | "mention" | "quote" | "message";
                    limit?: number;
                    network?: string;
                    offset?: number;
                    /** @description Items answering this Varde post */
                    postId?: string;
                    priority?: "high" | "medium" | "low";
                    /** @description Full-text search in the text and the author’s name and handle (web-search syntax: "exact phrase", -word, or) */
                    q?: string;
                    sentiment?: "positive" | "neutral" | "negative" | "unscored";
                    snoozed?: "exclude" | "include" | "only";
                    sort?: "newest" | "oldest" | "priority";
                    state?: "open" | "assigned" | "done";
                    tag?: string;
                    unread?: "true" | "false";
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeId: string | null;
                                author: {
                                    avatarUrl: string | null;
                                    followers: number | null;
                                    handle: string | null;
                                    id: string;
                                    name: string | null;
                                    url: string | null;
                                };
                                channelId: string;
                                conversationId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                deletedOnNetwork: boolean;
                                externalId: string;
                                hidden: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "comment" | "reply" | "mention" | "quote" | "message";
                                language: string;
                                liked: boolean;
                                network: string;
                                parentExternalId: string | null;
                                postExternalId: string | null;
                                /** @description The Varde post it answers, when known */
                                postId: string | null;
                                /** @description 0–100 */
                                priority: number;
                                /** @enum {string} */
                                priorityLevel: "high" | "medium" | "low";
                                read: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                receivedAt: string;
                                /** @enum {string} */
                                sentiment: "positive" | "neutral" | "negative" | "unscored";
                                sentimentScore: number | null;
                                snoozedUntil: string | null;
                                /** @enum {string} */
                                source: "webhook" | "poll";
                                /** @enum {string} */
                                state: "open" | "assigned" | "done";
                                tags: string[];
                                text: string;
                                url: string | null;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inbox item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            author: {
                                avatarUrl: string | null;
                                followers: number | null;
                                handle: string | null;
                                id: string;
                                name: string | null;
                                url: string | null;
                            };
                            channelId: string;
                            conversationId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            deletedOnNetwork: boolean;
                            externalId: string;
                            hidden: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "comment" | "reply" | "mention" | "quote" | "message";
                            language: string;
                            liked: boolean;
                            network: string;
                            parentExternalId: string | null;
                            postExternalId: string | null;
                            /** @description The Varde post it answers, when known */
                            postId: string | null;
                            /** @description 0–100 */
                            priority: number;
                            /** @enum {string} */
                            priorityLevel: "high" | "medium" | "low";
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            receivedAt: string;
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative" | "unscored";
                            sentimentScore: number | null;
                            snoozedUntil: string | null;
                            /** @enum {string} */
                            source: "webhook" | "poll";
                            /** @enum {string} */
                            state: "open" | "assigned" | "done";
                            tags: string[];
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an item: done or open, assignee, snooze, tags, read */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A member of the workspace; null unassigns */
                        assigneeId?: string | null;
                        read?: boolean;
                        snoozedUntil?: string | null;
                        /**
                         * @description "open" reopens (assigned again if it has an assignee)
                         * @enum {string}
                         */
                        state?: "open" | "done";
                        /** @description Replaces the tags */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            author: {
                                avatarUrl: string | null;
                                followers: number | null;
                                handle: string | null;
                                id: string;
                                name: string | null;
                                url: string | null;
                            };
                            channelId: string;
                            conversationId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            deletedOnNetwork: boolean;
                            externalId: string;
                            hidden: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "comment" | "reply" | "mention" | "quote" | "message";
                            language: string;
                            liked: boolean;
                            network: string;
                            parentExternalId: string | null;
                            postExternalId: string | null;
                            /** @description The Varde post it answers, when known */
                            postId: string | null;
                            /** @description 0–100 */
                            priority: number;
                            /** @enum {string} */
                            priorityLevel: "high" | "medium" | "low";
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            receivedAt: string;
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative" | "unscored";
                            sentimentScore: number | null;
                            snoozedUntil: string | null;
                            /** @enum {string} */
                            source: "webhook" | "poll";
                            /** @enum {string} */
                            state: "open" | "assigned" | "done";
                            tags: string[];
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/conversation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The item’s conversation: its items, the Varde post answered, the replies sent (with their delivery state) and notes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the network lets Varde do with its items */
                            actions: {
                                delete: boolean;
                                hide: boolean;
                                like: boolean;
                                reply: boolean;
                            };
                            channel: {
                                handle: string | null;
                                id: string;
                                name: string;
                                network: string;
                            };
                            conversationId: string;
                            items: {
                                assigneeId: string | null;
                                author: {
                                    avatarUrl: string | null;
                                    followers: number | null;
                                    handle: string | null;
                                    id: string;
                                    name: string | null;
                                    url: string | null;
                                };
                                channelId: string;
                                conversationId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                deletedOnNetwork: boolean;
                                externalId: string;
                                hidden: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "comment" | "reply" | "mention" | "quote" | "message";
                                language: string;
                                liked: boolean;
                                network: string;
                                parentExternalId: string | null;
                                postExternalId: string | null;
                                /** @description The Varde post it answers, when known */
                                postId: string | null;
                                /** @description 0–100 */
                                priority: number;
                                /** @enum {string} */
                                priorityLevel: "high" | "medium" | "low";
                                read: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                receivedAt: string;
                                /** @enum {string} */
                                sentiment: "positive" | "neutral" | "negative" | "unscored";
                                sentimentScore: number | null;
                                snoozedUntil: string | null;
                                /** @enum {string} */
                                source: "webhook" | "poll";
                                /** @enum {string} */
                                state: "open" | "assigned" | "done";
                                tags: string[];
                                text: string;
                                url: string | null;
                            }[];
                            notes: {
                                author: {
                                    id: string;
                                    name: string | null;
                                } | null;
                                body: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                id: string;
                                itemId: string;
                            }[];
                            post: {
                                id: string;
                                publishedAt: string | null;
                                status: string;
                                text: string;
                                url: string | null;
                            } | null;
                            replies: {
                                attempts: number;
                                /** @description Sent by a rule’s auto-reply */
                                auto: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                createdBy: string | null;
                                deliveryId: string;
                                error: {
                                    kind: string;
                                    message: string;
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                itemId: string;
                                postId: string;
                                publishedAt: string | null;
                                /** @description The state of the reply’s delivery (queued, publishing, published, failed…) */
                                state: string;
                                text: string;
                                url: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete the item on the network, where the network allows (it stays in Varde, marked deleted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            author: {
                                avatarUrl: string | null;
                                followers: number | null;
                                handle: string | null;
                                id: string;
                                name: string | null;
                                url: string | null;
                            };
                            channelId: string;
                            conversationId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            deletedOnNetwork: boolean;
                            externalId: string;
                            hidden: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "comment" | "reply" | "mention" | "quote" | "message";
                            language: string;
                            liked: boolean;
                            network: string;
                            parentExternalId: string | null;
                            postExternalId: string | null;
                            /** @description The Varde post it answers, when known */
                            postId: string | null;
                            /** @description 0–100 */
                            priority: number;
                            /** @enum {string} */
                            priorityLevel: "high" | "medium" | "low";
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            receivedAt: string;
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative" | "unscored";
                            sentimentScore: number | null;
                            snoozedUntil: string | null;
                            /** @enum {string} */
                            source: "webhook" | "poll";
                            /** @enum {string} */
                            state: "open" | "assigned" | "done";
                            tags: string[];
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide (or show again) the comment on the network, where the network allows */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        hidden?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            author: {
                                avatarUrl: string | null;
                                followers: number | null;
                                handle: string | null;
                                id: string;
                                name: string | null;
                                url: string | null;
                            };
                            channelId: string;
                            conversationId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            deletedOnNetwork: boolean;
                            externalId: string;
                            hidden: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "comment" | "reply" | "mention" | "quote" | "message";
                            language: string;
                            liked: boolean;
                            network: string;
                            parentExternalId: string | null;
                            postExternalId: string | null;
                            /** @description The Varde post it answers, when known */
                            postId: string | null;
                            /** @description 0–100 */
                            priority: number;
                            /** @enum {string} */
                            priorityLevel: "high" | "medium" | "low";
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            receivedAt: string;
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative" | "unscored";
                            sentimentScore: number | null;
                            snoozedUntil: string | null;
                            /** @enum {string} */
                            source: "webhook" | "poll";
                            /** @enum {string} */
                            state: "open" | "assigned" | "done";
                            tags: string[];
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like the item on the network, where the network allows */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            author: {
                                avatarUrl: string | null;
                                followers: number | null;
                                handle: string | null;
                                id: string;
                                name: string | null;
                                url: string | null;
                            };
                            channelId: string;
                            conversationId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            deletedOnNetwork: boolean;
                            externalId: string;
                            hidden: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "comment" | "reply" | "mention" | "quote" | "message";
                            language: string;
                            liked: boolean;
                            network: string;
                            parentExternalId: string | null;
                            postExternalId: string | null;
                            /** @description The Varde post it answers, when known */
                            postId: string | null;
                            /** @description 0–100 */
                            priority: number;
                            /** @enum {string} */
                            priorityLevel: "high" | "medium" | "low";
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            receivedAt: string;
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative" | "unscored";
                            sentimentScore: number | null;
                            snoozedUntil: string | null;
                            /** @enum {string} */
                            source: "webhook" | "poll";
                            /** @enum {string} */
                            state: "open" | "assigned" | "done";
                            tags: string[];
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An internal note on an item (never sent to the network) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: {
                                id: string;
                                name: string | null;
                            } | null;
                            body: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            id: string;
                            itemId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to an item, exactly once, through the publishing pipeline (text or a saved reply; variables filled in) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key again to get the same reply, never a second one */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Send this saved reply (its variables filled in)
                         */
                        savedReplyId?: string;
                        /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @description Sent by a rule’s auto-reply */
                            auto: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveryId: string;
                            error: {
                                kind: string;
                                message: string;
                                networkMessage?: string;
                            } | null;
                            externalId: string | null;
                            id: string;
                            itemId: string;
                            postId: string;
                            publishedAt: string | null;
                            /** @description The state of the reply’s delivery (queued, publishing, published, failed…) */
                            state: string;
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/items/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One change to many items: done, reopen, assign, unassign, tag, untag, snooze, unsnooze, read, unread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "done" | "reopen" | "unassign" | "unsnooze" | "read" | "unread";
                        ids: string[];
                    } | {
                        /** @enum {string} */
                        action: "assign";
                        /** Format: uuid */
                        assigneeId: string;
                        ids: string[];
                    } | {
                        /** @enum {string} */
                        action: "tag" | "untag";
                        ids: string[];
                        tag: string;
                    } | {
                        /** @enum {string} */
                        action: "snooze";
                        ids: string[];
                        /** Format: date-time */
                        until: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                            /** @description The items changed */
                            ids: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/replies/{id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete a reply Varde sent from the network */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @description Sent by a rule’s auto-reply */
                            auto: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveryId: string;
                            error: {
                                kind: string;
                                message: string;
                                networkMessage?: string;
                            } | null;
                            externalId: string | null;
                            id: string;
                            itemId: string;
                            postId: string;
                            publishedAt: string | null;
                            /** @description The state of the reply’s delivery (queued, publishing, published, failed…) */
                            state: string;
                            text: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox rules, in the order they apply */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                actions: {
                                    /**
                                     * Format: uuid
                                     * @description A member of the workspace
                                     */
                                    assignTo?: string;
                                    /** @description Once per author per conversation, at most maxPerHour an hour */
                                    autoReply?: {
                                        /** @default 20 */
                                        maxPerHour: number;
                                        /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                        text: string;
                                    };
                                    /** @description Hide the comment on the network, where the network allows */
                                    hide?: boolean;
                                    tags?: string[];
                                };
                                conditions: {
                                    /** @description Handles (with or without @) or network ids */
                                    authors?: string[];
                                    channelIds?: string[];
                                    /** @description Any of these words or phrases (whole words, any case) */
                                    keywords?: string[];
                                    kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                                    networks?: string[];
                                    sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                createdBy: string | null;
                                enabled: boolean;
                                id: string;
                                name: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a rule: when an item matches, tag, assign, hide or auto-reply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions: {
                            /**
                             * Format: uuid
                             * @description A member of the workspace
                             */
                            assignTo?: string;
                            /** @description Once per author per conversation, at most maxPerHour an hour */
                            autoReply?: {
                                /** @default 20 */
                                maxPerHour?: number;
                                /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                text: string;
                            };
                            /** @description Hide the comment on the network, where the network allows */
                            hide?: boolean;
                            tags?: string[];
                        };
                        conditions: {
                            /** @description Handles (with or without @) or network ids */
                            authors?: string[];
                            channelIds?: string[];
                            /** @description Any of these words or phrases (whole words, any case) */
                            keywords?: string[];
                            kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                            networks?: string[];
                            sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                        };
                        /** @default true */
                        enabled?: boolean;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                /**
                                 * Format: uuid
                                 * @description A member of the workspace
                                 */
                                assignTo?: string;
                                /** @description Once per author per conversation, at most maxPerHour an hour */
                                autoReply?: {
                                    /** @default 20 */
                                    maxPerHour: number;
                                    /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                    text: string;
                                };
                                /** @description Hide the comment on the network, where the network allows */
                                hide?: boolean;
                                tags?: string[];
                            };
                            conditions: {
                                /** @description Handles (with or without @) or network ids */
                                authors?: string[];
                                channelIds?: string[];
                                /** @description Any of these words or phrases (whole words, any case) */
                                keywords?: string[];
                                kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                                networks?: string[];
                                sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            id: string;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                /**
                                 * Format: uuid
                                 * @description A member of the workspace
                                 */
                                assignTo?: string;
                                /** @description Once per author per conversation, at most maxPerHour an hour */
                                autoReply?: {
                                    /** @default 20 */
                                    maxPerHour: number;
                                    /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                    text: string;
                                };
                                /** @description Hide the comment on the network, where the network allows */
                                hide?: boolean;
                                tags?: string[];
                            };
                            conditions: {
                                /** @description Handles (with or without @) or network ids */
                                authors?: string[];
                                channelIds?: string[];
                                /** @description Any of these words or phrases (whole words, any case) */
                                keywords?: string[];
                                kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                                networks?: string[];
                                sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            id: string;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a rule */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions: {
                            /**
                             * Format: uuid
                             * @description A member of the workspace
                             */
                            assignTo?: string;
                            /** @description Once per author per conversation, at most maxPerHour an hour */
                            autoReply?: {
                                /** @default 20 */
                                maxPerHour?: number;
                                /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                text: string;
                            };
                            /** @description Hide the comment on the network, where the network allows */
                            hide?: boolean;
                            tags?: string[];
                        };
                        conditions: {
                            /** @description Handles (with or without @) or network ids */
                            authors?: string[];
                            channelIds?: string[];
                            /** @description Any of these words or phrases (whole words, any case) */
                            keywords?: string[];
                            kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                            networks?: string[];
                            sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                        };
                        /** @default true */
                        enabled?: boolean;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                /**
                                 * Format: uuid
                                 * @description A member of the workspace
                                 */
                                assignTo?: string;
                                /** @description Once per author per conversation, at most maxPerHour an hour */
                                autoReply?: {
                                    /** @default 20 */
                                    maxPerHour: number;
                                    /** @description May use {{author.name}}, {{author.handle}}, {{channel.name}} */
                                    text: string;
                                };
                                /** @description Hide the comment on the network, where the network allows */
                                hide?: boolean;
                                tags?: string[];
                            };
                            conditions: {
                                /** @description Handles (with or without @) or network ids */
                                authors?: string[];
                                channelIds?: string[];
                                /** @description Any of these words or phrases (whole words, any case) */
                                keywords?: string[];
                                kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                                networks?: string[];
                                sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            id: string;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/rules/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many recent items these conditions would have matched (nothing saved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions: {
                            /** @description Handles (with or without @) or network ids */
                            authors?: string[];
                            channelIds?: string[];
                            /** @description Any of these words or phrases (whole words, any case) */
                            keywords?: string[];
                            kinds?: ("comment" | "reply" | "mention" | "quote" | "message")[];
                            networks?: string[];
                            sentiments?: ("positive" | "neutral" | "negative" | "unscored")[];
                        };
                        /** @default 500 */
                        recent?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matched: number;
                            message: string;
                            of: number;
                            /** @description Up to 10 of the items matched */
                            sample: {
                                assigneeId: string | null;
                                author: {
                                    avatarUrl: string | null;
                                    followers: number | null;
                                    handle: string | null;
                                    id: string;
                                    name: string | null;
                                    url: string | null;
                                };
                                channelId: string;
                                conversationId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                deletedOnNetwork: boolean;
                                externalId: string;
                                hidden: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "comment" | "reply" | "mention" | "quote" | "message";
                                language: string;
                                liked: boolean;
                                network: string;
                                parentExternalId: string | null;
                                postExternalId: string | null;
                                /** @description The Varde post it answers, when known */
                                postId: string | null;
                                /** @description 0–100 */
                                priority: number;
                                /** @enum {string} */
                                priorityLevel: "high" | "medium" | "low";
                                read: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                receivedAt: string;
                                /** @enum {string} */
                                sentiment: "positive" | "neutral" | "negative" | "unscored";
                                sentimentScore: number | null;
                                snoozedUntil: string | null;
                                /** @enum {string} */
                                source: "webhook" | "poll";
                                /** @enum {string} */
                                state: "open" | "assigned" | "done";
                                tags: string[];
                                text: string;
                                url: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/saved-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved replies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            savedReplies: {
                                body: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                name: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a reply; its body may use {{author.name}}, {{author.handle}}, {{channel.name}} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a saved reply */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a saved reply */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The saved reply as it would be sent to an item’s author (nothing sent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        itemId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox settings: the keywords that raise priority */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            priorityKeywords: string[];
                        };
                    };
                };
            };
        };
        /** Change the inbox settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        priorityKeywords: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            priorityKeywords: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How each channel’s inbox is read (webhook, poll) and how polling goes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sources: {
                                channelId: string;
                                channelStatus: string;
                                /** @enum {string} */
                                ingest: "webhook+poll" | "webhook" | "poll" | "none";
                                kinds: ("comment" | "reply" | "mention" | "quote" | "message")[];
                                name: string;
                                network: string;
                                poll: {
                                    failures: number;
                                    lastAt: string | null;
                                    lastError: string | null;
                                    nextAt: string | null;
                                    rateLimitedUntil: string | null;
                                } | null;
                                /** @description Where the network pushes (to set in its developer console) */
                                webhookUrl: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every polled channel for new items now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Polled channels moved to the next tick */
                            channels: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unread, open and assigned-to-me counts, for the navigation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mine: number;
                            open: number;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitations: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                email: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                expiresAt: string;
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "editor" | "contributor" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite by link (and by e-mail when an address is given); the link is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        expiresInDays?: number;
                        /** @enum {string} */
                        role: "admin" | "editor" | "contributor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            expiresAt: string;
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "editor" | "contributor" | "viewer";
                            /** @description The token in the link, shown only this once */
                            token: string;
                            /** @description The invitation link, shown only this once */
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/link-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The link card a URL would get: title, description and image from its Open Graph tags */
        get: {
            parameters: {
                query: {
                    url: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string | null;
                            imageUrl: string | null;
                            title: string | null;
                            url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/link-preview/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link card's image (PNG, JPEG, GIF, WebP or AVIF of at most 1,000,000 bytes), fetched by the server */
        get: {
            parameters: {
                query: {
                    url: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent media */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                /** @description Videos (and animated GIFs where known) */
                                durationSec: number | null;
                                filename: string | null;
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "image" | "video" | "gif";
                                mime: string;
                                sha256: string;
                                /** @description Bytes */
                                size: number;
                                width: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload an image or video: send the file as the raw body; its type is read from its content */
        post: {
            parameters: {
                query?: {
                    filename?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description Videos (and animated GIFs where known) */
                            durationSec: number | null;
                            filename: string | null;
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "gif";
                            mime: string;
                            sha256: string;
                            /** @description Bytes */
                            size: number;
                            width: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One media item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            /** @description Videos (and animated GIFs where known) */
                            durationSec: number | null;
                            filename: string | null;
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "gif";
                            mime: string;
                            sha256: string;
                            /** @description Bytes */
                            size: number;
                            width: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and their roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                email: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                joinedAt: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (or leave, with your own id) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member’s role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "admin" | "editor" | "contributor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            joinedAt: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "contributor" | "viewer";
                            userId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent notifications: the workspace’s and your own */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    unread?: "true" | "false";
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                detail: ({
                                    channelId?: string;
                                    commentId?: string;
                                    itemIds?: string[];
                                    postId?: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                id: string;
                                /** @enum {string} */
                                kind: "delivery.failed" | "delivery.needs_attention" | "channel.needs_reconnect" | "approval.requested" | "approval.decided" | "comment.mention" | "inbox.assigned";
                                message: string;
                                /** @description To you alone, not to the whole workspace */
                                personal: boolean;
                                readAt: string | null;
                                /** @description The delivery, channel, post or inbox item it is about */
                                subjectId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        all?: boolean;
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts by time range, status and channel */
        get: {
            parameters: {
                query?: {
                    channelId?: string;
                    /** @description Scheduled at or after */
                    from?: string;
                    limit?: number;
                    offset?: number;
                    status?: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                    /** @description Scheduled before */
                    to?: string;
                };
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            posts: {
                                /** @enum {string} */
                                approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                                campaignId: string | null;
                                /** @description The base content every target starts from */
                                content: {
                                    followups: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    link: string | null;
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                    title?: string | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                createdBy: string | null;
                                deliveries: {
                                    channelId: string;
                                    dueAt: string | null;
                                    /** @description Why the latest attempt did not publish; null when none failed */
                                    error: {
                                        /** @enum {string} */
                                        kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                        message: string;
                                        /** @description The network’s own words */
                                        networkMessage?: string;
                                    } | null;
                                    id: string;
                                    /** @description Only what this target replaces of the base content */
                                    override: {
                                        followups?: {
                                            media: {
                                                alt?: string | null;
                                                mediaId: string;
                                            }[];
                                            text: string;
                                        }[];
                                        media?: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        options?: {
                                            [key: string]: string | number | boolean;
                                        };
                                        text?: string;
                                        title?: string;
                                    };
                                    /** @enum {string} */
                                    state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                    /** @description The post on the network, once published */
                                    url: string | null;
                                }[];
                                id: string;
                                /** @description Bumped by every edit; approvals count for the revision they saw */
                                revision: number;
                                /** @description The earliest delivery’s time */
                                scheduledAt: string | null;
                                /**
                                 * @description Rolled up from the deliveries
                                 * @enum {string}
                                 */
                                status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a post: draft, at a time, in the queue, or now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The campaign the post belongs to (GET …/campaigns); on an edit, null removes it and leaving it out keeps it */
                        campaignId?: string | null;
                        /** @default [] */
                        followups?: {
                            /** @default [] */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            text: string;
                        }[];
                        link?: string | null;
                        /** @default [] */
                        media?: {
                            /** @description Alt text: what the image shows, for people who cannot see it */
                            alt?: string | null;
                            /** Format: uuid */
                            mediaId: string;
                        }[];
                        /**
                         * @default {
                         *       "mode": "draft"
                         *     }
                         */
                        schedule?: {
                            /** @enum {string} */
                            mode: "draft";
                        } | {
                            /** @description ISO-8601 with an offset, e.g. 2026-12-01T09:00:00+01:00 */
                            at?: string;
                            /** @description Local wall time YYYY-MM-DDTHH:mm, with timezone */
                            localTime?: string;
                            /** @enum {string} */
                            mode: "at";
                            /** @description IANA zone for localTime, e.g. Europe/Oslo */
                            timezone?: string;
                        } | {
                            /**
                             * @description Each channel's next free slot
                             * @enum {string}
                             */
                            mode: "queue";
                        } | {
                            /** @enum {string} */
                            mode: "now";
                        };
                        /** @default [] */
                        targets?: {
                            /** Format: uuid */
                            channelId: string;
                            /** @description Replaces the base follow-ups for this channel */
                            followups?: {
                                /** @default [] */
                                media?: {
                                    /** @description Alt text: what the image shows, for people who cannot see it */
                                    alt?: string | null;
                                    /** Format: uuid */
                                    mediaId: string;
                                }[];
                                text: string;
                            }[];
                            /** @description Replaces the base media for this channel */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            /** @description Network-specific fields for this target, e.g. {"subreddit":"typescript"}, {"privacy":"unlisted"}, {"firstComment":"…"}; see docs/networks/<network>.md */
                            options?: {
                                [key: string]: string | number | boolean;
                            };
                            /** @description Replaces the base text for this channel */
                            text?: string;
                            /** @description Title for networks that have one (YouTube, Pinterest, Reddit) */
                            title?: string;
                        }[];
                        /** @default  */
                        text?: string;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post with every delivery, its attempts, errors and URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a draft or scheduled post */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The campaign the post belongs to (GET …/campaigns); on an edit, null removes it and leaving it out keeps it */
                        campaignId?: string | null;
                        /** @default [] */
                        followups?: {
                            /** @default [] */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            text: string;
                        }[];
                        link?: string | null;
                        /** @default [] */
                        media?: {
                            /** @description Alt text: what the image shows, for people who cannot see it */
                            alt?: string | null;
                            /** Format: uuid */
                            mediaId: string;
                        }[];
                        /**
                         * @default {
                         *       "mode": "draft"
                         *     }
                         */
                        schedule?: {
                            /** @enum {string} */
                            mode: "draft";
                        } | {
                            /** @description ISO-8601 with an offset, e.g. 2026-12-01T09:00:00+01:00 */
                            at?: string;
                            /** @description Local wall time YYYY-MM-DDTHH:mm, with timezone */
                            localTime?: string;
                            /** @enum {string} */
                            mode: "at";
                            /** @description IANA zone for localTime, e.g. Europe/Oslo */
                            timezone?: string;
                        } | {
                            /**
                             * @description Each channel's next free slot
                             * @enum {string}
                             */
                            mode: "queue";
                        } | {
                            /** @enum {string} */
                            mode: "now";
                        };
                        /** @default [] */
                        targets?: {
                            /** Format: uuid */
                            channelId: string;
                            /** @description Replaces the base follow-ups for this channel */
                            followups?: {
                                /** @default [] */
                                media?: {
                                    /** @description Alt text: what the image shows, for people who cannot see it */
                                    alt?: string | null;
                                    /** Format: uuid */
                                    mediaId: string;
                                }[];
                                text: string;
                            }[];
                            /** @description Replaces the base media for this channel */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            /** @description Network-specific fields for this target, e.g. {"subreddit":"typescript"}, {"privacy":"unlisted"}, {"firstComment":"…"}; see docs/networks/<network>.md */
                            options?: {
                                [key: string]: string | number | boolean;
                            };
                            /** @description Replaces the base text for this channel */
                            text?: string;
                            /** @description Title for networks that have one (YouTube, Pinterest, Reddit) */
                            title?: string;
                        }[];
                        /** @default  */
                        text?: string;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a post that never went out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a post waiting for approval */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel what has not gone out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Internal comments on a post */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comments: {
                                authorName: string;
                                authorUserId: string | null;
                                body: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                id: string;
                                mentions: string[];
                                /** @enum {string} */
                                via: "member" | "review_link";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Comment on a post; @name mentions a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Ids of the members the comment mentions (they are notified) */
                            mentions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post’s latest metrics per delivery, and its roll-up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            collectedAt: string | null;
                            deliveries: {
                                /** Format: uuid */
                                channelId: string;
                                channelName: string;
                                /** @description The latest snapshot; null when never measured */
                                collectedAt: string | null;
                                /** Format: uuid */
                                deliveryId: string;
                                metrics: {
                                    clicks: number | null;
                                    /** @description Comments or replies */
                                    comments: number | null;
                                    /** @description Impressions or views */
                                    impressions: number | null;
                                    /** @description Likes, favourites or reactions */
                                    likes: number | null;
                                    saves: number | null;
                                    /** @description Shares, reposts, boosts or quotes */
                                    shares: number | null;
                                } | null;
                                network: string;
                                /** @description When it is measured next; null when collection has stopped (after 30 days) or is not offered */
                                nextCollectionAt: string | null;
                                /** @description The network offers post metrics to Varde */
                                offered: boolean;
                                /** Format: uuid */
                                postId: string;
                                publishedAt: string | null;
                                raw: {
                                    [key: string]: number | string | null;
                                } | null;
                                state: string;
                                url: string | null;
                            }[];
                            /** Format: uuid */
                            postId: string;
                            /** @description Sums over the deliveries; null = offered by none of their networks */
                            totals: {
                                clicks: number | null;
                                /** @description Comments or replies */
                                comments: number | null;
                                /** @description Impressions or views */
                                impressions: number | null;
                                /** @description Likes, favourites or reactions */
                                likes: number | null;
                                saves: number | null;
                                /** @description Shares, reposts, boosts or quotes */
                                shares: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/metrics/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Measure a post now (never before a network’s rate-limit reset: 429 with Retry-After when every network is throttled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            collectedAt: string | null;
                            deliveries: {
                                /** Format: uuid */
                                channelId: string;
                                channelName: string;
                                /** @description The latest snapshot; null when never measured */
                                collectedAt: string | null;
                                /** Format: uuid */
                                deliveryId: string;
                                metrics: {
                                    clicks: number | null;
                                    /** @description Comments or replies */
                                    comments: number | null;
                                    /** @description Impressions or views */
                                    impressions: number | null;
                                    /** @description Likes, favourites or reactions */
                                    likes: number | null;
                                    saves: number | null;
                                    /** @description Shares, reposts, boosts or quotes */
                                    shares: number | null;
                                } | null;
                                network: string;
                                /** @description When it is measured next; null when collection has stopped (after 30 days) or is not offered */
                                nextCollectionAt: string | null;
                                /** @description The network offers post metrics to Varde */
                                offered: boolean;
                                /** Format: uuid */
                                postId: string;
                                publishedAt: string | null;
                                raw: {
                                    [key: string]: number | string | null;
                                } | null;
                                state: string;
                                url: string | null;
                            }[];
                            /** Format: uuid */
                            postId: string;
                            refresh: {
                                /** Format: uuid */
                                deliveryId: string;
                                kind?: string;
                                message?: string;
                                /** Format: date-time */
                                retryAt?: string;
                                /**
                                 * @description collected; missing (the network answered without the post); rate_limited (not asked before retryAt); failed (retried at retryAt); not_offered; channel_inactive (reconnect it); recent (measured under a minute ago); busy (a worker is measuring it now)
                                 * @enum {string}
                                 */
                                status: "collected" | "missing" | "rate_limited" | "failed" | "not_offered" | "channel_inactive" | "recent" | "busy";
                            }[];
                            /** @description Sums over the deliveries; null = offered by none of their networks */
                            totals: {
                                clicks: number | null;
                                /** @description Comments or replies */
                                comments: number | null;
                                /** @description Impressions or views */
                                impressions: number | null;
                                /** @description Likes, favourites or reactions */
                                likes: number | null;
                                saves: number | null;
                                /** @description Shares, reposts, boosts or quotes */
                                shares: number | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a post (it goes back to draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move what has not gone out to another time (or the queue, or now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        schedule: {
                            /** @enum {string} */
                            mode: "draft";
                        } | {
                            /** @description ISO-8601 with an offset, e.g. 2026-12-01T09:00:00+01:00 */
                            at?: string;
                            /** @description Local wall time YYYY-MM-DDTHH:mm, with timezone */
                            localTime?: string;
                            /** @enum {string} */
                            mode: "at";
                            /** @description IANA zone for localTime, e.g. Europe/Oslo */
                            timezone?: string;
                        } | {
                            /**
                             * @description Each channel's next free slot
                             * @enum {string}
                             */
                            mode: "queue";
                        } | {
                            /** @enum {string} */
                            mode: "now";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            approvalStatus: "not_required" | "pending" | "approved" | "rejected";
                            campaignId: string | null;
                            /** @description The base content every target starts from */
                            content: {
                                followups: {
                                    media: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    text: string;
                                }[];
                                link: string | null;
                                media: {
                                    alt?: string | null;
                                    mediaId: string;
                                }[];
                                text: string;
                                title?: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                attemptCount: number;
                                attempts: {
                                    detail: {
                                        [key: string]: unknown;
                                    } | null;
                                    errorKind: ("auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome") | null;
                                    errorMessage: string | null;
                                    finishedAt: string | null;
                                    number: number;
                                    /** @description published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs */
                                    outcome: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601, UTC
                                     */
                                    startedAt: string;
                                }[];
                                channel: {
                                    handle: string | null;
                                    name: string;
                                    network: string;
                                } | null;
                                channelId: string;
                                dueAt: string | null;
                                /** @description Why the latest attempt did not publish; null when none failed */
                                error: {
                                    /** @enum {string} */
                                    kind: "auth_expired" | "rate_limited" | "rejected" | "transient" | "unknown_outcome";
                                    message: string;
                                    /** @description The network’s own words */
                                    networkMessage?: string;
                                } | null;
                                externalId: string | null;
                                id: string;
                                idempotencyKey: string;
                                /** @description When the worker takes it next (scheduled and queued deliveries only) */
                                nextAttemptAt: string | null;
                                /** @description Only what this target replaces of the base content */
                                override: {
                                    followups?: {
                                        media: {
                                            alt?: string | null;
                                            mediaId: string;
                                        }[];
                                        text: string;
                                    }[];
                                    media?: {
                                        alt?: string | null;
                                        mediaId: string;
                                    }[];
                                    options?: {
                                        [key: string]: string | number | boolean;
                                    };
                                    text?: string;
                                    title?: string;
                                };
                                publishedAt: string | null;
                                /** @enum {string} */
                                state: "draft" | "awaiting_approval" | "scheduled" | "queued" | "publishing" | "published" | "failed" | "needs_attention" | "cancelled" | "deleted";
                                /** @description The post on the network, once published */
                                url: string | null;
                            }[];
                            id: string;
                            /** @description Bumped by every edit; approvals count for the revision they saw */
                            revision: number;
                            /** @description The earliest delivery’s time */
                            scheduledAt: string | null;
                            /**
                             * @description Rolled up from the deliveries
                             * @enum {string}
                             */
                            status: "draft" | "awaiting_approval" | "scheduled" | "publishing" | "published" | "partially_failed" | "failed" | "needs_attention" | "cancelled" | "deleted";
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approvals and rejections of a post */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reviews: {
                                comment: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                current: boolean;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                id: string;
                                reviewerName: string;
                                reviewerUserId: string | null;
                                revision: number;
                                /** @enum {string} */
                                via: "member" | "review_link";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run: every problem per target, nothing saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The campaign the post belongs to (GET …/campaigns); on an edit, null removes it and leaving it out keeps it */
                        campaignId?: string | null;
                        /** @default [] */
                        followups?: {
                            /** @default [] */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            text: string;
                        }[];
                        link?: string | null;
                        /** @default [] */
                        media?: {
                            /** @description Alt text: what the image shows, for people who cannot see it */
                            alt?: string | null;
                            /** Format: uuid */
                            mediaId: string;
                        }[];
                        /**
                         * @default {
                         *       "mode": "draft"
                         *     }
                         */
                        schedule?: {
                            /** @enum {string} */
                            mode: "draft";
                        } | {
                            /** @description ISO-8601 with an offset, e.g. 2026-12-01T09:00:00+01:00 */
                            at?: string;
                            /** @description Local wall time YYYY-MM-DDTHH:mm, with timezone */
                            localTime?: string;
                            /** @enum {string} */
                            mode: "at";
                            /** @description IANA zone for localTime, e.g. Europe/Oslo */
                            timezone?: string;
                        } | {
                            /**
                             * @description Each channel's next free slot
                             * @enum {string}
                             */
                            mode: "queue";
                        } | {
                            /** @enum {string} */
                            mode: "now";
                        };
                        /** @default [] */
                        targets?: {
                            /** Format: uuid */
                            channelId: string;
                            /** @description Replaces the base follow-ups for this channel */
                            followups?: {
                                /** @default [] */
                                media?: {
                                    /** @description Alt text: what the image shows, for people who cannot see it */
                                    alt?: string | null;
                                    /** Format: uuid */
                                    mediaId: string;
                                }[];
                                text: string;
                            }[];
                            /** @description Replaces the base media for this channel */
                            media?: {
                                /** @description Alt text: what the image shows, for people who cannot see it */
                                alt?: string | null;
                                /** Format: uuid */
                                mediaId: string;
                            }[];
                            /** @description Network-specific fields for this target, e.g. {"subreddit":"typescript"}, {"privacy":"unlisted"}, {"firstComment":"…"}; see docs/networks/<network>.md */
                            options?: {
                                [key: string]: string | number | boolean;
                            };
                            /** @description Replaces the base text for this channel */
                            text?: string;
                            /** @description Title for networks that have one (YouTube, Pinterest, Reddit) */
                            title?: string;
                        }[];
                        /** @default  */
                        text?: string;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description No errors (warnings allowed) */
                            ok: boolean;
                            problems: {
                                /** @description Stable, e.g. text.too_long */
                                code: string;
                                /** @description Where: text, media[2], followups[0].text, link, title */
                                field: string;
                                message: string;
                                params: {
                                    [key: string]: string | number | boolean;
                                };
                                /** @enum {string} */
                                severity: "error" | "warning";
                            }[];
                            targets: {
                                channelId: string;
                                channelName: string;
                                counts: {
                                    count: number;
                                    limit: number;
                                    unit: string;
                                };
                                network: string;
                                ok: boolean;
                                problems: {
                                    /** @description Stable, e.g. text.too_long */
                                    code: string;
                                    /** @description Where: text, media[2], followups[0].text, link, title */
                                    field: string;
                                    message: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    /** @enum {string} */
                                    severity: "error" | "warning";
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/review-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client review links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                from: string;
                                id: string;
                                name: string;
                                revokedAt: string | null;
                                /** Format: date-time */
                                to: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a review link for the posts of a period; the link is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expiresInDays?: number;
                        /** Format: date-time */
                        from: string;
                        name: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            from: string;
                            id: string;
                            name: string;
                            revokedAt: string | null;
                            /** Format: date-time */
                            to: string;
                            token: string;
                            /** @description The address to send; shown once */
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/review-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a review link */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace settings (approval policy) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @default {
                             *       "required": "off",
                             *       "approvers": 1
                             *     }
                             */
                            approvals: {
                                /** @default 1 */
                                approvers: number;
                                /**
                                 * @default off
                                 * @enum {string}
                                 */
                                required: "off" | "contributors" | "everyone";
                            };
                        };
                    };
                };
            };
        };
        /** Change workspace settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "required": "off",
                         *       "approvers": 1
                         *     }
                         */
                        approvals?: {
                            /** @default 1 */
                            approvers?: number;
                            /**
                             * @default off
                             * @enum {string}
                             */
                            required?: "off" | "contributors" | "everyone";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @default {
                             *       "required": "off",
                             *       "approvers": 1
                             *     }
                             */
                            approvals: {
                                /** @default 1 */
                                approvers: number;
                                /**
                                 * @default off
                                 * @enum {string}
                                 */
                                required: "off" | "contributors" | "everyone";
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (yours; all of them for admins) — never their secret */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601, UTC
                                 */
                                createdAt: string;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description The first characters of the token, to recognise it */
                                prefix: string;
                                revokedAt: string | null;
                                scopes: ("read" | "write" | "publish" | "admin")[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token acting as you; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes?: ("read" | "write" | "publish" | "admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: ("read" | "write" | "publish" | "admin")[];
                            /** @description The secret: shown this once, stored only as a hash */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (yours; any for admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tokenId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another member the owner (you become an admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The new owner’s user id */
                            owner: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media file at a signed, expiring URL (for networks that download media) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

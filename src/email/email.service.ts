/**
 * Outgoing e-mail: messages are written to an outbox table in the same transaction as what caused
 * them, and a periodic task in the worker sends them over SMTP (nodemailer), retrying with backoff.
 * Each message about a kind of event carries an unsubscribe link for that kind.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../app/context.js';
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';
import { unsubscribeToken } from '../notifications/unsubscribe.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

export async function queueEmail(db: Queryable, e: OutgoingEmail) {
  await db.query(`INSERT INTO email_outbox (id, to_address, subject, body, kind) VALUES ($1, $2, $3, $4, $5)`, [newId(), e.to, e.subject, e.body, e.kind]);
}

let transport: { url: string; t: Transporter } | null = null;
function transporterFor(url: string): Transporter {
  if (!transport || transport.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

const MAX_ATTEMPTS = 8;

/** One round of the periodic task: sends what is due. Returns how many were sent. */
export async function sendQueuedEmails(ctx: AppContext, limit = 20): Promise<number> {
  const url = ctx.config.email.smtpUrl;
  if (!url) return 0;
  let sent = 0;
  await ctx.db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; user_id: string | null; kind: string; to_address: string; subject: string; body: string; attempts: number }>(
      `SELECT id, user_id, kind, to_address, subject, body, attempts FROM email_outbox WHERE sent_at IS NULL AND attempts < $2 AND available_at <= now()
       ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, MAX_ATTEMPTS],
    );
    for (const m of due) {
      try {
        const unsubscribe = m.user_id ? `${ctx.config.publicUrl}/api/v1/unsubscribe/${unsubscribeToken(ctx.secrets, m.user_id, m.kind)}` : null;
        const text = `${m.body}\n\n${ctx.config.publicUrl}\n${unsubscribe ? `\nStop these e-mails (${m.kind}): ${unsubscribe}\n` : ''}`;
        await transporterFor(url).sendMail({
          from: ctx.config.email.from, to: m.to_address, subject: m.subject, text,
          ...(unsubscribe ? { list: { unsubscribe: { url: unsubscribe, comment: `Stop ${m.kind} e-mails` } } } : {}),
        });
        await tx.query(`UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [m.id]);
        sent += 1;
      } catch (err) {
        const wait = Math.min(3600, 30 * 2 ** m.attempts);
        await tx.query(`UPDATE email_outbox SET attempts = attempts + 1, last_error = $2, available_at = now() + make_interval(secs => $3) WHERE id = $1`, [m.id, (err as Error).message.slice(0, 500), wait]);
        ctx.logger.warn({ to: m.to_address.replace(/^[^@]*/, '…'), err: (err as Error).message }, 'sending an e-mail failed; will retry');
      }
    }
  });
  return sent;
}

/**
 * The server's and the shared rules' problems in the user's language, from their stable `code`
 * and `params` (the English `message` is the fallback for codes this app does not know yet), and
 * API errors from their `code`.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import type { CheckResult, Problem } from '../api/types';
import { networkLook } from '../lib/networks';
import { formatBytes } from './index';

function followUpIndex(field: string): number | null {
  const m = /^followups\[(\d+)\]\./.exec(field);
  return m ? Number(m[1]) : null;
}

function mediaIndex(field: string): number | null {
  const m = /media\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : null;
}

/** The problem's sentence without the network name. */
export function problemBody(t: TFunction, p: Pick<Problem, 'code' | 'params' | 'field' | 'message'>, locale: string): string {
  const key = `problems.${p.code}`;
  if (!t(key, { defaultValue: '' })) return p.message.replace(/^[^:]+:\s*/, '');
  const params = p.params as Record<string, string | number | boolean>;
  const count = typeof params.count === 'number' ? params.count : 2;
  const index = mediaIndex(p.field);
  const values: Record<string, unknown> = {
    ...params,
    unit: params.unit ? t(`units.${String(params.unit).replace(' ', '_')}`, { count: Number(params.limit ?? count) }) : '',
    kind: params.kind ? t(`mediaKinds.${params.kind}`, { count }) : '',
    n: index === null ? '' : index + 1,
    sizeText: typeof params.size === 'number' ? formatBytes(params.size, locale) : '',
    limitText: typeof params.limit === 'number' ? formatBytes(params.limit, locale) : '',
  };
  // media.required (any | video) and media.too_many (all files) read differently per kind.
  const context = p.code === 'media.required' || (p.code === 'media.too_many' && params.kind === 'all') ? String(params.kind) : undefined;
  return t(key, { ...values, context });
}

/** "Bluesky: follow-up 2: 312 of 300 characters" in the user's language. */
export function problemText(t: TFunction, p: Problem, network: string | null, locale: string): string {
  const followUp = followUpIndex(p.field);
  const scope = followUp === null ? '' : `${t('problems.scope.followup', { n: followUp + 1 })}: `;
  const who = network ? `${networkLook(network).name}: ` : '';
  return `${who}${scope}${problemBody(t, p, locale)}`;
}

/** Every problem of a dry-run or refused save, one sentence each, errors first. */
export function checkProblems(t: TFunction, report: CheckResult, locale: string): { severity: string; text: string }[] {
  const all = [
    ...report.problems.map((p) => ({ p, network: null as string | null, channel: '' })),
    ...report.targets.flatMap((target) => target.problems.map((p) => ({ p, network: target.network, channel: target.channelName }))),
  ];
  return all
    .sort((a, b) => (a.p.severity === b.p.severity ? 0 : a.p.severity === 'error' ? -1 : 1))
    .map(({ p, network, channel }) => ({ severity: p.severity, text: `${problemText(t, p, network, locale)}${channel ? ` (${channel})` : ''}` }));
}

export function isCheckReport(details: unknown): details is CheckResult {
  return typeof details === 'object' && details !== null && Array.isArray((details as CheckResult).targets) && Array.isArray((details as CheckResult).problems);
}

interface CodedDetail { code?: string; field?: string }

/** The error's details with a problem code: one (`{code, field?}`) or a list (a refused request's fields). */
function codedDetails(err: ApiError): CodedDetail[] {
  const d = err.details;
  const all = (Array.isArray(d) ? d : d && typeof d === 'object' ? [d] : []) as CodedDetail[];
  return all.filter((x) => x && typeof x.code === 'string');
}

const knownProblem = (t: TFunction, code: string | undefined) => (code && t(`problems.${code}`, { defaultValue: '' })) || '';

/**
 * The server's problems with single fields of a form, in the user's language, by the field's
 * name in the request body (`landingUrl`) — only those whose code this app knows.
 */
export function fieldProblems(t: TFunction, err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of codedDetails(err)) {
    const text = knownProblem(t, d.code);
    const field = d.field?.startsWith('body.') ? d.field.slice(5) : null;
    if (text && field && !(field in out)) out[field] = text;
  }
  return out;
}

/** A sentence for any error from the API (or the network between). */
export function errorText(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  for (const d of codedDetails(err)) {
    const text = knownProblem(t, d.code);
    if (text) return text;
  }
  const generic = t(`errors.${err.code}`, { defaultValue: '' });
  if (!generic) return err.message;
  return err.message && err.code !== 'network' ? `${generic} ${err.message}` : generic;
}

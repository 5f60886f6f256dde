/** A small client for Varde's HTTP API, for the CLI: VARDE_URL + VARDE_TOKEN. */
import { CliError } from './output.js';

export interface ApiClient {
  workspaceId: string;
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
}

export async function connectApi(opts: { url?: string; token?: string; workspace?: string }): Promise<ApiClient> {
  const url = (opts.url ?? process.env.VARDE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
  const token = opts.token ?? process.env.VARDE_TOKEN;
  if (!token) throw new CliError('Set VARDE_TOKEN to an API token (create one with: varde token create --email you@example.com --name cli)', 2);
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    let res: Response;
    const isBytes = body instanceof Uint8Array;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : isBytes ? (body as any) : JSON.stringify(body),
      });
    } catch (err) {
      throw new CliError(`Cannot reach Varde at ${url} (${(err as Error).cause ? String((err as any).cause.code ?? (err as any).cause.message) : (err as Error).message}). Is it running? Set VARDE_URL.`);
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const e = json?.error;
      const details = e?.details?.targets ? formatTargetProblems(e.details) : '';
      throw new CliError(`${e?.message ?? `HTTP ${res.status}`}${details}`, res.status >= 500 ? 1 : 3);
    }
    return json as T;
  };
  let workspaceId = opts.workspace ?? process.env.VARDE_WORKSPACE;
  if (!workspaceId) {
    const me = await call<any>('GET', '/api/v1/me');
    workspaceId = me.token?.workspaceId ?? me.workspaces?.[0]?.id;
    if (!workspaceId) throw new CliError('No workspace found for this token');
  }
  return { workspaceId: workspaceId!, call };
}

export function formatTargetProblems(report: { problems?: any[]; targets?: any[] }): string {
  const lines: string[] = [];
  for (const p of report.problems ?? []) lines.push(`  - ${p.message}`);
  for (const t of report.targets ?? []) for (const p of t.problems ?? []) lines.push(`  - [${t.channelName}] ${p.severity === 'warning' ? '(warning) ' : ''}${p.message}`);
  return lines.length ? `\n${lines.join('\n')}` : '';
}

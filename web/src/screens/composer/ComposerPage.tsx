/**
 * The composer: write once, tailor per channel, see every network's count, problems and preview
 * while typing, then schedule, queue, publish now or keep as a draft. Autosaved in this browser.
 */
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasErrors } from '../../../../src/core/validate-content';
import { api, ApiError, unwrap } from '../../api/client';
import { useChannels } from '../../api/channels';
import { usePost, useSavePost } from '../../api/posts';
import { approvalGate, useApprovalPolicy } from '../../api/approvals';
import { useMe } from '../../api/session';
import { useWorkspaceId } from '../../app/workspace';
import { checkProblems, isCheckReport } from '../../i18n/problems';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { useChecks } from './checks';
import { CampaignPicker } from './CampaignPicker';
import { draftFromPost, emptyDraft, toPostInput, type ComposerDraft, type SaveMode } from './draft';
import { Followups } from './Followups';
import { LinkField, useLinkPreview } from './LinkField';
import { MediaField } from './MediaField';
import { PreviewPanel } from './Preview';
import { ProblemList, ServerProblems } from './ProblemList';
import { SchedulePanel } from './SchedulePanel';
import { TargetPicker } from './TargetPicker';
import { TextEditor } from './TextEditor';
import { useComposer } from './useComposer';

/** The draft to start from: empty (maybe for a channel and time from the queue), or the post being edited. */
function useStartDraft(workspaceId: string, postId: string | undefined): { start: ComposerDraft | null; error: unknown } {
  const [params] = useSearchParams();
  const post = usePost(workspaceId, postId);
  const ids = [...new Set([
    post.data?.content.media ?? [],
    ...(post.data?.content.followups.map((f) => f.media ?? []) ?? []),
    ...(post.data?.deliveries.flatMap((d) => [d.override.media ?? [], ...(d.override.followups ?? []).map((f) => f.media ?? [])]) ?? []),
  ].flat().map((m) => m.mediaId))];
  const media = useQueries({
    queries: ids.map((id) => ({ queryKey: ['media', workspaceId, id], queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/media/{id}', { params: { path: { workspaceId, id } } })) })),
  });
  const mediaReady = media.every((m) => m.data);
  const channel = params.get('channel');
  const at = params.get('at');
  const start = useMemo(() => {
    if (!postId) return emptyDraft({ channelId: channel, at });
    if (!post.data || !mediaReady) return null;
    return draftFromPost(post.data, new Map(media.map((m) => [m.data!.id, m.data!])));
  }, [postId, post.data, mediaReady, channel, at]); // eslint-disable-line react-hooks/exhaustive-deps
  return { start, error: post.error ?? media.find((m) => m.error)?.error };
}

export default function ComposerPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const { postId } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const channels = useChannels(workspaceId);
  const { start, error } = useStartDraft(workspaceId, postId);
  const { draft, update, restoredAt, discard, forget } = useComposer(workspaceId, start);
  const channelList = channels.data ?? [];
  const checks = useChecks(draft, channelList);
  const linkPreview = useLinkPreview(workspaceId, draft.link);
  const save = useSavePost(workspaceId);
  const policy = useApprovalPolicy(workspaceId);
  const role = useMe().data?.workspaces.find((w) => w.id === workspaceId)?.role;
  const approval = { gate: approvalGate(policy.data, role), approvers: policy.data?.approvals.approvers ?? 1 };
  const uploader = useRef<((files: File[]) => void) | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const problemsId = 'composer-problems';

  if (error) return <div className="page"><ErrorNote error={error} /></div>;
  if (!start || channels.isPending) return <div className="page"><Loading /></div>;

  const blocking = checks.some((c) => c.channelId !== null && hasErrors(c.problems));
  const submit = (mode: SaveMode) => {
    setLocalError(null);
    if (mode !== 'draft' && draft.channelIds.length === 0) return setLocalError(t('composer.chooseChannel'));
    if (mode !== 'draft' && blocking) {
      document.getElementById(problemsId)?.scrollIntoView({ block: 'center' });
      return setLocalError(t('composer.fixFirst'));
    }
    save.mutate({ id: draft.postId ?? undefined, body: toPostInput(draft, mode) }, {
      onSuccess: (post) => {
        forget();
        toast(post?.status === 'awaiting_approval' ? t('approval.submitted') : t(`composer.saved.${mode}`));
        navigate(`/w/${workspaceId}/posts/${post!.id}`);
      },
    });
  };
  const refused = save.error instanceof ApiError && isCheckReport(save.error.details) ? checkProblems(t, save.error.details, fmt.locale) : [];

  return (
    <div className="page composer">
      <h1>{postId ? t('composer.editTitle') : t('composer.title')}</h1>
      {restoredAt ? (
        <p className="note" role="status">
          {t('composer.restored', { time: fmt.relative(new Date(restoredAt).toISOString()) })}{' '}
          <button type="button" className="link-button" onClick={discard}>{t('composer.discard')}</button>
        </p>
      ) : null}
      <div className="composer__grid">
        <form className="composer__form stack" aria-label={t('composer.formLabel')} onSubmit={(e) => { e.preventDefault(); submit(draft.when); }}>
          <TargetPicker workspaceId={workspaceId} channels={channelList} draft={draft} update={update} />
          <CampaignPicker workspaceId={workspaceId} draft={draft} update={update} />
          <TextEditor workspaceId={workspaceId} draft={draft} channels={channelList} checks={checks} update={update} describedBy={problemsId} onPasteFiles={(files) => uploader.current?.(files)} />
          <MediaField workspaceId={workspaceId} media={draft.media} onChange={(change) => update((d) => ({ media: change(d.media) }))} uploaderRef={uploader} />
          <LinkField link={draft.link} onChange={(link) => update({ link })} preview={linkPreview} />
          <Followups workspaceId={workspaceId} followups={draft.followups} onChange={(change) => update((d) => ({ followups: change(d.followups) }))}
            targets={checks.filter((c) => c.channelId === null || !(c.channelId in (draft.followupOverrides ?? {}))).map((c) => ({ key: c.key, network: c.network, name: c.name }))} />
          <ProblemList checks={checks} id={problemsId} />
          <SchedulePanel draft={draft} update={update} busy={save.isPending} onSave={submit} approval={approval} />
          {localError ? <p className="note note--error" role="alert">{localError}</p> : null}
          <ServerProblems items={refused} />
          {refused.length === 0 ? <ErrorNote error={save.error} /> : null}
        </form>
        <PreviewPanel workspaceId={workspaceId} draft={draft} checks={checks} channels={channelList} linkPreview={linkPreview.data} />
      </div>
    </div>
  );
}

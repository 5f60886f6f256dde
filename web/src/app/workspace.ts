/** The workspace of the current screen, from the URL (/w/:workspaceId/…). */
import { useParams } from 'react-router';

export function useWorkspaceId(): string {
  return useParams().workspaceId!;
}

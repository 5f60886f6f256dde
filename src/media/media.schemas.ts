/** The shape of a media item in the API answers (the bytes are at …/media/:id/content). */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';

export const Media = z.object({
  id: z.string(),
  mime: z.string(),
  kind: z.enum(['image', 'video', 'gif']),
  size: z.number().int().describe('Bytes'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSec: z.number().nullable().describe('Videos (and animated GIFs where known)'),
  filename: z.string().nullable(),
  sha256: z.string(),
  createdAt: Instant,
});
export type Media = z.infer<typeof Media>;

export const MediaList = z.object({ media: z.array(Media) });

/**
 * Media bytes, addressed by content hash (SHA-256): `<dataDir>/media/<first two hex>/<hash>`.
 * The same file uploaded twice is stored once. (An S3-compatible bucket can implement the same
 * interface later.)
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface MediaStore {
  put(bytes: Uint8Array): Promise<string>;
  read(sha256: string): Promise<Uint8Array>;
}

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export function createFileMediaStore(root: string): MediaStore {
  const fileOf = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('bad media hash');
    return path.join(root, hash.slice(0, 2), hash);
  };
  return {
    async put(bytes) {
      const hash = sha256Hex(bytes);
      const file = fileOf(hash);
      try {
        await fs.access(file);
        return hash;
      } catch {
        /* not there yet */
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file); // atomic: readers never see half a file
      return hash;
    },
    async read(hash) {
      return new Uint8Array(await fs.readFile(fileOf(hash)));
    },
  };
}

import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Persona } from './personaSchema.js';
import { serializePersona } from './serializePersona.js';

/** What {@link publishPersonaFile} did: wrote the file, or found one of that name already there. */
export type PublishPersonaResult = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly reason: 'exists'; readonly file: string };

/**
 * Writes a persona as `<dir>/<id>.yaml`, never replacing an existing file, and so that a watching registry never reads
 * it half-written: the text goes to a hidden temporary file first (the loader skips hidden files), which is then
 * hard-linked under its real name, failing when that name is taken, even by another process at the same moment.
 */
export async function publishPersonaFile(dir: string, persona: Persona, comment?: string): Promise<PublishPersonaResult> {
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${persona.id}.yaml`);
	const temporary = join(dir, `.${persona.id}.${randomBytes(6).toString('hex')}.tmp`);
	const text = serializePersona(persona, comment === undefined ? {} : { comment });
	await writeFile(temporary, text, { flag: 'wx' });
	try {
		await link(temporary, file);
		return { ok: true, file };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return { ok: false, reason: 'exists', file };
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
		// A file system without hard links: an exclusive create still never replaces a file, at the cost of a short
		// moment in which a reload may see it half-written (and keep the last good cast meanwhile).
		try {
			await writeFile(file, text, { flag: 'wx' });
			return { ok: true, file };
		} catch (fallbackError) {
			if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'exists', file };
			throw fallbackError;
		}
	} finally {
		await unlink(temporary).catch(() => undefined);
	}
}

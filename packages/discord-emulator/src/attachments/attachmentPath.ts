/** Where the emulator serves an attachment's bytes, relative to its base URL: `/_emu/attachments/{channel}/{id}/{name}`. */
export function attachmentPath(channelId: string, attachmentId: string, filename: string): string {
	return `/_emu/attachments/${channelId}/${attachmentId}/${encodeURIComponent(filename)}`;
}

/**
 * Waits for `work`; if it takes longer than `afterMs`, runs `notice` once (e.g. "still working") and keeps waiting.
 * The notice finishes before this resolves, so a final answer is never overwritten by it. A failing notice is
 * passed to `onNoticeError`, never thrown.
 */
export async function withSlowNotice<Result>(
	work: Promise<Result>,
	afterMs: number,
	notice: () => Promise<unknown>,
	onNoticeError: (error: unknown) => void,
): Promise<Result> {
	let timer: NodeJS.Timeout | undefined;
	const slow = new Promise<'slow'>((resolve) => {
		timer = setTimeout(() => resolve('slow'), afterMs);
	});
	try {
		const first = await Promise.race([work.then((value) => ({ value })), slow]);
		if (first !== 'slow') return first.value;
		await notice().catch(onNoticeError);
		return await work;
	} finally {
		clearTimeout(timer);
	}
}

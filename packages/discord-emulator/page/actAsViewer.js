// Acting as the member picked under "Write as": the control API call behind clicking a button or a reaction.

/** The id of the member the page writes as. */
export function viewerId() {
	return document.getElementById('author-select')?.value ?? '';
}

/** Calls a `/_emu` control route; failures are shown in the status line and resolve to null. */
export async function actAsViewer(path, method, body) {
	const status = document.getElementById('status');
	try {
		const response = await fetch(`/_emu${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const answer = await response.json();
		if (!response.ok) throw new Error(answer?.error ?? response.statusText);
		if (status) status.textContent = '';
		return answer;
	} catch (error) {
		if (status) status.textContent = error.message;
		return null;
	}
}

// The playground: pick a channel, write as a member, run slash commands, watch the bot answer live.
import { createAttachmentTray } from './attachmentTray.js';
import { renderCommandForm } from './commandForm.js';
import { applyViewer } from './applyViewer.js';
import { describeMember, memberName } from './memberRoles.js';
import { mentionCandidates } from './mentionCandidates.js';
import { attachMentionPicker } from './mentionPicker.js';
import { appendContent, renderMessage } from './renderMessage.js';

const $ = (id) => document.getElementById(id);
const state = {
	guild: null,
	members: [],
	dms: [],
	channelId: null,
	messages: new Map(),
	commands: [],
	readCommand: () => null,
	pendingInteractions: new Set(),
	interactionViews: new Map(),
	replyTo: null,
	attachments: null,
};
const typingTimers = new Map();

async function api(path, init) {
	const response = await fetch(
		`/_emu${path}`,
		init && { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) },
	);
	const body = await response.json();
	if (!response.ok) throw new Error(body?.discord?.errors ? `${body.error}: ${JSON.stringify(body.discord.errors)}` : (body?.error ?? response.statusText));
	return body;
}

function showStatus(text) {
	$('status').textContent = text;
}

const memberById = (id) => state.members.find((entry) => entry.user.id === id);

const lookup = {
	userName: (id) => {
		const member = memberById(id);
		return member ? memberName(member) : id === state.bot?.id ? state.bot.username : 'unknown-user';
	},
	roleName: (id) => state.guild?.roles.find((role) => role.id === id)?.name ?? 'unknown-role',
	role: (id) => state.guild?.roles.find((role) => role.id === id),
	/** Role colour and badges of a message author; webhooks (characters) have none. */
	describeAuthor: (author) => (author.kind === 'webhook' ? { color: null, badges: [], plain: true } : describeMember(memberById(author.id), state.guild)),
	channelName: (id) => state.guild?.channels.find((channel) => channel.id === id)?.name ?? 'unknown-channel',
	messageById: (id) => state.messages.get(id),
	members: () => state.members,
	channels: () => state.guild?.channels.filter((channel) => channel.type === 0) ?? [],
	roles: () => state.guild?.roles ?? [],
};

function channelButton(list, channel, label) {
	const item = document.createElement('li');
	const button = document.createElement('button');
	button.type = 'button';
	button.textContent = label;
	button.dataset.channelId = channel.id;
	button.dataset.channelName = channel.name;
	button.addEventListener('click', () => openChannel(channel.id));
	item.append(button);
	list.append(item);
}

async function loadGuilds(selectId) {
	const guilds = await api('/guilds?summary=true');
	const select = $('guild-select');
	select.replaceChildren(...guilds.map((guild) => new Option(guild.name, guild.id)));
	if (selectId) select.value = selectId;
	await loadGuild(select.value);
}

async function loadGuild(guildId) {
	if (!guildId) return;
	[state.guild, state.members, state.dms] = await Promise.all([api(`/guilds/${guildId}`), api(`/guilds/${guildId}/members`), api('/dms')]);
	$('channel-list').replaceChildren();
	for (const channel of state.guild.channels.filter((entry) => entry.type === 0)) channelButton($('channel-list'), channel, `# ${channel.name}`);
	$('dm-list').replaceChildren();
	for (const dm of state.dms) channelButton($('dm-list'), dm, `@ ${dm.name}`);
	fillAuthorSelect();
	await loadCommands();
	const first = state.guild.channels.find((channel) => channel.type === 0);
	if (first) await openChannel(first.id);
}

/** "Write as" lists the people with their powers; it starts on a plain member, as a new user would be. */
function fillAuthorSelect() {
	const select = $('author-select');
	const previous = select.value;
	const people = state.members.filter((member) => !member.user.bot);
	select.replaceChildren(
		...people.map((member) => {
			const { badges, color } = describeMember(member, state.guild);
			const option = new Option(badges.length ? `${memberName(member)} (${badges.join(', ')})` : memberName(member), member.user.id);
			option.dataset.badges = badges.join(',');
			if (color) option.style.color = color;
			return option;
		}),
	);
	const plain = people.find((member) => describeMember(member, state.guild).plain) ?? people[0];
	select.value = people.some((member) => member.user.id === previous) ? previous : (plain?.user.id ?? '');
	showAuthorLook();
}

function showAuthorLook() {
	const member = memberById($('author-select').value);
	const { color } = describeMember(member, state.guild);
	$('author-select').style.color = color ?? '';
	refreshViewer();
}

/** What depends on who is looking (see applyViewer). */
function refreshViewer() {
	const viewer = $('author-select').value;
	applyViewer($('messages'), viewer, memberById(viewer)?.roles ?? []);
}

function setReplyTo(messageId) {
	const message = messageId ? state.messages.get(messageId) : null;
	state.replyTo = message ? message.id : null;
	$('reply-bar').hidden = !message;
	if (message) {
		$('reply-target').textContent = message.author.displayName;
		$('message-input').focus();
	}
}

async function loadCommands() {
	state.commands = await api(`/commands?guildId=${state.guild.id}`);
	const select = $('command-select');
	const previous = select.value;
	select.replaceChildren(new Option(state.commands.length ? 'Choose a command' : 'The bot has registered no commands yet', ''));
	for (const command of state.commands) select.append(new Option(`/${command.name}`, command.name));
	select.value = state.commands.some((command) => command.name === previous) ? previous : '';
	showCommand();
}

function showCommand() {
	const command = state.commands.find((entry) => entry.name === $('command-select').value);
	state.readCommand = renderCommandForm($('command-options'), command, lookup);
}

async function openChannel(channelId) {
	state.channelId = channelId;
	for (const button of document.querySelectorAll('#sidebar li button')) button.classList.toggle('active', button.dataset.channelId === channelId);
	const dm = state.dms.find((entry) => entry.id === channelId);
	$('channel-title').textContent = dm ? `@ ${dm.name} (DM with the bot)` : `# ${lookup.channelName(channelId)}`;
	if (dm) {
		$('author-select').value = dm.recipientId;
		showAuthorLook();
	}
	const transcript = await api(`/channels/${channelId}/messages?limit=100`);
	state.messages = new Map(transcript.map((message) => [message.id, message]));
	setReplyTo(null);
	$('messages').replaceChildren(...transcript.map((message) => renderMessage(message, lookup)));
	refreshViewer();
	scrollToEnd();
}

function scrollToEnd() {
	$('messages').scrollTop = $('messages').scrollHeight;
}

function upsertMessage(message) {
	if (message.channelId !== state.channelId) return;
	state.messages.set(message.id, message);
	const rendered = renderMessage(message, lookup);
	const existing = document.querySelector(`[data-message-id="${message.id}"]`);
	if (existing) existing.replaceWith(rendered);
	else $('messages').append(rendered);
	refreshViewer();
	$('typing').textContent = '';
	scrollToEnd();
}

function showInteraction(view) {
	// The feed can report the answer before our POST returns, so remember every view.
	state.interactionViews.set(view.id, view);
	if (!state.pendingInteractions.has(view.id)) return;
	const box = $('command-result');
	box.replaceChildren();
	const title = document.createElement('strong');
	title.textContent = `/${view.commandName}: ${view.state}`;
	box.append(title);
	for (const message of [view.original, ...view.followUps].filter(Boolean)) {
		const line = document.createElement('p');
		if (message.ephemeral && view.userId !== $('author-select').value) {
			line.textContent = `(only ${lookup.userName(view.userId)} can see this reply)`;
			box.append(line);
			continue;
		}
		if (message.ephemeral) line.append(document.createTextNode('(only you) '));
		appendContent(line, message.loading ? 'thinking…' : message.content, lookup);
		box.append(line);
	}
}

function listen() {
	const events = new EventSource('/_emu/events');
	events.addEventListener('open', () => ($('connection-state').textContent = 'live'));
	events.addEventListener('error', () => ($('connection-state').textContent = 'reconnecting…'));
	events.addEventListener('message', (raw) => {
		const event = JSON.parse(raw.data);
		if (event.type === 'messageCreate' || event.type === 'messageUpdate') upsertMessage(event.message);
		else if (event.type === 'messageDelete') document.querySelector(`[data-message-id="${event.id}"]`)?.remove();
		else if (event.type === 'typing' && event.channelId === state.channelId) {
			$('typing').textContent = `${event.displayName} is typing…`;
			clearTimeout(typingTimers.get(event.channelId));
			typingTimers.set(
				event.channelId,
				setTimeout(() => ($('typing').textContent = ''), 8000),
			);
		} else if (event.type === 'commandsUpdate' && (event.guildId === null || event.guildId === state.guild?.id)) loadCommands();
		else if (event.type === 'interactionUpdate') showInteraction(event.interaction);
		else if (event.type === 'guildCreate') loadGuilds(state.guild?.id);
		else if (event.type === 'channelCreate' && event.guildId === state.guild?.id) loadGuild(state.guild.id);
	});
}

async function sendMessage(event) {
	event.preventDefault();
	const content = $('message-input').value;
	const attachments = state.attachments.files();
	if ((!content.trim() && attachments.length === 0) || !state.channelId) return;
	try {
		const body = {
			authorId: $('author-select').value,
			content,
			...(state.replyTo ? { replyTo: state.replyTo } : {}),
			...(attachments.length ? { attachments } : {}),
		};
		await api(`/channels/${state.channelId}/messages`, { method: 'POST', body });
		$('message-input').value = '';
		state.attachments.clear();
		setReplyTo(null);
		showStatus('');
	} catch (error) {
		showStatus(error.message);
	}
}

/** Clicks inside the transcript: reply, dismiss an ephemeral reply, jump to a replied-to message, open a #channel. */
function onMessageClick(event) {
	const target = event.target instanceof Element ? event.target : null;
	const item = target?.closest('.message');
	const action = target?.closest('[data-action]')?.dataset.action;
	if (item && action === 'reply') return setReplyTo(item.dataset.messageId);
	if (item && action === 'dismiss') return item.remove();
	const preview = target?.closest('.reply-to[data-reply-to]');
	if (preview) {
		const original = document.querySelector(`#messages [data-message-id="${preview.dataset.replyTo}"]`);
		original?.scrollIntoView({ block: 'center' });
		original?.classList.add('flash');
		setTimeout(() => original?.classList.remove('flash'), 1200);
		return;
	}
	const channel = target?.closest('.channel-mention[data-channel-id]');
	if (channel && lookup.channels().some((entry) => entry.id === channel.dataset.channelId)) openChannel(channel.dataset.channelId);
}

async function runCommand(event) {
	event.preventDefault();
	const name = $('command-select').value;
	const chosen = state.readCommand();
	if (!name || !chosen || !state.channelId) return showStatus('Choose a channel and a command first.');
	try {
		const view = await api('/interactions', { method: 'POST', body: { channelId: state.channelId, userId: $('author-select').value, name, ...chosen } });
		state.pendingInteractions.add(view.id);
		$('command-result').textContent = `/${name} sent; waiting for the bot…`;
		showInteraction(state.interactionViews.get(view.id) ?? view);
		showStatus('');
	} catch (error) {
		showStatus(error.message);
	}
}

async function start() {
	state.bot = (await api('/info')).bot;
	$('guild-select').addEventListener('change', (event) => loadGuild(event.target.value));
	$('composer').addEventListener('submit', sendMessage);
	// The picker first: while its list is open it takes Enter, Tab, arrows and Escape.
	attachMentionPicker($('message-input'), $('mention-picker'), () =>
		mentionCandidates({ guild: state.guild, members: state.members, bot: state.bot, dm: state.dms.find((entry) => entry.id === state.channelId) }),
	);
	$('message-input').addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) sendMessage(event);
		else if (event.key === 'Escape' && state.replyTo) setReplyTo(null);
	});
	$('author-select').addEventListener('change', showAuthorLook);
	$('cancel-reply').addEventListener('click', () => setReplyTo(null));
	state.attachments = createAttachmentTray($('attachment-tray'), showStatus);
	$('attach-button').addEventListener('click', () => $('attach-input').click());
	$('attach-input').addEventListener('change', async (event) => {
		await state.attachments.add(event.target.files);
		event.target.value = '';
	});
	$('message-input').addEventListener('paste', (event) => {
		if (event.clipboardData?.files.length) {
			event.preventDefault();
			state.attachments.add(event.clipboardData.files);
		}
	});
	$('chat').addEventListener('dragover', (event) => event.preventDefault());
	$('chat').addEventListener('drop', (event) => {
		event.preventDefault();
		if (event.dataTransfer?.files.length) state.attachments.add(event.dataTransfer.files);
	});
	$('messages').addEventListener('click', onMessageClick);
	$('messages').addEventListener('keydown', (event) => event.key === 'Enter' && !(event.target instanceof HTMLButtonElement) && onMessageClick(event));
	$('command-select').addEventListener('change', showCommand);
	$('command-form').addEventListener('submit', runCommand);
	listen();
	await loadGuilds();
}

start().catch((error) => showStatus(`Could not load the emulator state: ${error.message}`));

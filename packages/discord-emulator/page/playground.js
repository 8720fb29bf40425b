// The playground: pick a channel, write as a member, run slash commands, watch the bot answer live.
import { renderCommandForm } from './commandForm.js';
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

const lookup = {
	userName: (id) => {
		const member = state.members.find((entry) => entry.user.id === id);
		return member ? (member.nick ?? member.user.globalName ?? member.user.username) : id === state.bot?.id ? state.bot.username : 'unknown-user';
	},
	roleName: (id) => state.guild?.roles.find((role) => role.id === id)?.name ?? 'unknown-role',
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
	const people = state.members.filter((member) => !member.user.bot);
	$('author-select').replaceChildren(...people.map((member) => new Option(member.nick ?? member.user.globalName ?? member.user.username, member.user.id)));
	await loadCommands();
	const first = state.guild.channels.find((channel) => channel.type === 0);
	if (first) await openChannel(first.id);
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
	if (dm) $('author-select').value = dm.recipientId;
	const transcript = await api(`/channels/${channelId}/messages?limit=100`);
	state.messages = new Map(transcript.map((message) => [message.id, message]));
	$('messages').replaceChildren(...transcript.map((message) => renderMessage(message, lookup)));
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
	if (!content.trim() || !state.channelId) return;
	try {
		await api(`/channels/${state.channelId}/messages`, { method: 'POST', body: { authorId: $('author-select').value, content } });
		$('message-input').value = '';
		showStatus('');
	} catch (error) {
		showStatus(error.message);
	}
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
	$('message-input').addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey) sendMessage(event);
	});
	$('command-select').addEventListener('change', showCommand);
	$('command-form').addEventListener('submit', runCommand);
	listen();
	await loadGuilds();
}

start().catch((error) => showStatus(`Could not load the emulator state: ${error.message}`));

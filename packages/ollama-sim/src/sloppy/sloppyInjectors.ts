import { assistantFormat } from './kinds/assistantFormat.js';
import { assistantFrame } from './kinds/assistantFrame.js';
import { disclaimer } from './kinds/disclaimer.js';
import { loop } from './kinds/loop.js';
import { massMention } from './kinds/massMention.js';
import { oocNote } from './kinds/oocNote.js';
import { ownLabel } from './kinds/ownLabel.js';
import { promptEcho } from './kinds/promptEcho.js';
import { refusal } from './kinds/refusal.js';
import { script } from './kinds/script.js';
import { templateTokens } from './kinds/templateTokens.js';
import { wikiVoice } from './kinds/wikiVoice.js';
import type { SloppyInjector } from './SloppyInjector.js';
import type { SloppyKind } from './sloppyKinds.js';

/** The injector of each sloppy kind. */
export const sloppyInjectors: Readonly<Record<SloppyKind, SloppyInjector>> = {
	'assistant-frame': assistantFrame,
	'ooc-note': oocNote,
	'template-tokens': templateTokens,
	'own-label': ownLabel,
	'mass-mention': massMention,
	disclaimer,
	refusal,
	script,
	'assistant-format': assistantFormat,
	loop,
	'wiki-voice': wikiVoice,
	'prompt-echo': promptEcho,
};

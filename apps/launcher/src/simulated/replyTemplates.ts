import type { ReplyShape } from './ReplyShape.js';

/**
 * Sentence frames per reply shape, casual and formal. Slots: {speaker} (who wrote), {topic} and {Topic} (what they
 * wrote about, capitalised), {fact}/{Fact} (a remembered fact, "you like jazz"), {other}/{view}/{View} (another
 * character and how this one sees them). A frame is used only when every slot it names is known. The frames avoid
 * the words of every shipped character's catchphrases, so no character borrows another's voice.
 */
export const replyTemplates: Readonly<Record<ReplyShape, { readonly casual: readonly string[]; readonly formal: readonly string[] }>> = {
	greeting: {
		casual: [
			'Hey, {speaker}! Perfect timing, I was about to do something I would regret.',
			'{speaker}! Hey hey. You caught me in a rare moment of doing nothing. Well, not that rare.',
			"Oh, hey {speaker}. What's new? Besides me looking this good.",
			'Hey there! You showed up at the right time, I got nothing going on and a lot of opinions.',
			"{speaker}, hi! Pull up a chair. Not that one, that one's mine.",
			'Yo, {speaker}! Missed me? Be honest. Actually, lie.',
		],
		formal: [
			"Ah, {speaker}. You've arrived. I suppose that counts as an event around here.",
			'Good day, {speaker}. State your business; my afternoon is spoken for.',
			'Hello, {speaker}. I was just reflecting on how few people here merit my attention. Present company provisionally excepted.',
			'Well, {speaker}. Of all the people to wander in, it had to be you. Come in, then.',
			'Greetings. You find me in a generous mood, {speaker}. It will pass.',
			'Ah, company. How unexpected, and how very nearly welcome.',
		],
	},
	remember: {
		casual: [
			'{Fact}? Got it. Locked in the old noggin, right next to my locker combination.',
			"Okay, okay. {Fact}. I'll remember that. Probably. Ask me later.",
			"{Fact}. Noted! That's the kind of thing I never forget. Unless I do.",
			'Whoa, {fact}? Writing that on my hand right now. Permanent marker, baby.',
		],
		formal: [
			'{Fact}. Duly noted; I forget nothing, which you would do well to remember.',
			"Very well: {fact}. I have committed it to memory, alongside everyone else's weaknesses.",
			'{Fact}? How revealing. Consider it on file.',
			'Noted, {speaker}. {Fact}. Such things have a way of becoming useful later.',
		],
	},
	recall: {
		casual: [
			'Easy! {Fact}. See? I listen. Sometimes.',
			'Ha, I know this one. {Fact}. Do I win something?',
			'{Fact}, right? Told you I remember stuff.',
			'Uh, {fact}! Boom. Memory like a steel trap. A rusty one, but still.',
			'Uh, you never told me. Or you did and I was thinking about snacks.',
			"No clue, {speaker}. You never said! Tell me and I'll remember it forever. Or till lunch.",
		],
		formal: [
			'{Fact}. You told me yourself, and I forget nothing.',
			'Must I do all the remembering around here? {Fact}. There.',
			'Obviously {fact}. I keep records on everyone, {speaker}.',
			'{Fact}, if memory serves. And mine always serves.',
			"You've never told me, {speaker}, and I don't make a habit of guessing.",
			"I haven't the slightest notion. You never said, and I never asked.",
		],
	},
	opinion: {
		casual: [
			'{other}? {View}. What else is there to say?',
			"Oh, {other}. {View}. And that's all I'm saying. For now.",
			"You wanna know about {other}? {View}. Don't tell anybody I said that.",
			'{other}, huh? {View}. Next question.',
		],
		formal: [
			"{other}? {View}. I'd elaborate, but it would only encourage them.",
			'Ah, {other}. {View}. Draw your own conclusions; I certainly have.',
			'My opinion of {other}? {View}. Make of that what you will.',
			'{other}. {View}. There is more to say, but not in polite company.',
		],
	},
	banter: {
		casual: [
			'Hey, {other}, nobody asked you about {topic}.',
			'Ha! {other}, you and {topic}. Unbelievable.',
			"Whoa, whoa, {other}. {Topic}? That's my department.",
			'{other}, you gotta stop bringing up {topic}. Or keep going, it is kinda funny.',
			'Oh, here we go. {other} and {topic}. Somebody get popcorn.',
			"{other}, nobody asked. But go on, I'm listening.",
			'Ha! Good one, {other}. Wait, was that a joke?',
			'Easy there, {other}. Some of us are trying to have a conversation.',
			'{other}! Always gotta have the last word, huh? Too bad, I got it.',
		],
		formal: [
			'Oh, {other}, your thoughts on {topic} are as charming as ever. Which is to say not at all.',
			'{other}, must you? {Topic} deserves better than your commentary.',
			'How very like you, {other}. {Topic}, of all things.',
			'Spare us, {other}. Nobody here requested a lecture on {topic}.',
			'I see {other} has discovered {topic}. How thrilling for everyone.',
			'{other}, must you always have an opinion?',
			'Thank you, {other}. That will be all.',
			'Ah, {other} speaks. How the room brightens. Briefly.',
			'{other}, your contribution has been noted and filed under regrettable.',
		],
	},
	yesno: {
		casual: [
			'{Topic}? Easy. The answer is yes. Or no. Definitely one of those.',
			"{Topic}? Heck yeah. Or heck no. I'll know it when I see it.",
			'Yes. Wait, {topic}? Still yes. Final answer, unless it is no.',
			"You're asking me about {topic}? Finally, somebody who knows who the expert is.",
			"Oh, {topic}! Don't get me started. Too late, I'm started.",
		],
		formal: [
			'An inquiry about {topic}. How quaint. The short answer is yes, and the long answer is beyond you.',
			'{Topic}? Naturally. Did you expect me to say no to {topic}? How little you know me.',
			'Do I? {Topic} is beneath me, and yet here we are, discussing it.',
			"You wish to discuss {topic}? Very well, but I shan't explain it twice.",
			'My position on {topic} is simple: I am right, and everyone else is catching up.',
		],
	},
	question: {
		casual: [
			"{Topic}? Oh, that's easy. Ask anybody. Actually, don't ask anybody, ask me.",
			"You're asking me about {topic}? Finally, somebody who knows who the expert is.",
			'Okay, {topic}. I know a ton about {topic}. Well, some. Enough to talk for an hour.',
			"{Topic}, huh? I had a whole thing with {topic} once. We don't talk about it.",
			"Why does everybody ask me about {topic}? Fine. Short version: it's complicated, and it's not my fault.",
			"Oh, {topic}! Don't get me started. Too late, I'm started.",
			'Great, now all I can think about is {topic}. Thanks a lot.',
		],
		formal: [
			'{Topic}? The answer is obvious to anyone with a functioning intellect, so naturally you had to ask.',
			'Ah, {topic}. I have given {topic} considerable thought, which is more than most people manage.',
			"You wish to discuss {topic}? Very well, but I shan't explain it twice.",
			'{Topic}. Honestly, the mere mention of it exhausts me. Ask me something worthy of my time.',
			'My position on {topic} is simple: I am right, and everyone else is catching up.',
			'{Topic}? One could write a treatise on {topic}. One might, in fact, be writing it now.',
		],
	},
	statement: {
		casual: [
			'{Topic}? No way. That is huge news. Like, third biggest this week.',
			'Aw, {topic}. See, this is why I keep you around, {speaker}.',
			'{Topic}, seriously? I did the exact same thing once. Maybe. It sounds like something I would do.',
			"Huh. {Topic}. Can't stop thinking about it now. Thanks a lot.",
			'Okay, hold the phone. {Topic}? Tell me everything. Or the good parts.',
			'{Topic}! Man, that takes me back. To what, I got no idea.',
			"You're telling me about {topic} like it's no big deal. It's a big deal, {speaker}.",
		],
		formal: [
			'{Topic}. How fascinating. I shall pretend to be interested for exactly one more sentence.',
			'Is that so? {Topic}. I expected nothing, and I am still somehow disappointed.',
			'{Topic}? Noted, filed and, I suspect, soon forgotten.',
			'Remarkable. You mention {topic} as though it were news. Go on; I have a moment.',
			'{Topic}, you say. Interesting. Not to me, you understand, but to someone, surely.',
			'Ah, {topic}. The sort of thing that happens to other people, and now to you.',
		],
	},
	empty: {
		casual: [
			'Huh? Say that again, but slower, and maybe with snacks.',
			"I got no idea what that was, but I'm totally on your side.",
			"That's a lot of nothing. I respect it.",
			'You know what, you make a good point. About what? Does not matter.',
		],
		formal: [
			"I haven't the faintest idea what you mean, and I suspect neither have you.",
			'Fascinating. Truly. Perhaps try again with words.',
			'I shall treat that remark with the seriousness it deserves, which is to say none.',
			'An intriguing contribution. Baffling, but intriguing.',
		],
	},
};

// Ollama library families whose models carry a vision projector; gemma3's 270m and 1b sizes are text only.
const visionFamilies = [
	/^bakllava$/,
	/^llava(?:-llama3|-phi3)?$/,
	/^llama3\.2-vision$/,
	/^llama4$/,
	/^gemma3$/,
	/^qwen2\.5vl$/,
	/^qwen3-vl$/,
	/^minicpm-v$/,
	/^moondream$/,
	/^granite3\.2-vision$/,
	/^mistral-small3\.[12]$/,
];
const textOnlyTags: Readonly<Record<string, RegExp>> = { gemma3: /^(?:270m|1b)(?:-|$)/ };

/** True when a normalised model name (`llava:7b`, `library/gemma3:4b`) names a model that Ollama lets see images. */
export function isVisionModelName(name: string): boolean {
	const base = name.slice(name.lastIndexOf('/') + 1);
	const [family = '', tag = ''] = base.split(':');
	if (!visionFamilies.some((pattern) => pattern.test(family))) return false;
	return !(textOnlyTags[family]?.test(tag) ?? false);
}

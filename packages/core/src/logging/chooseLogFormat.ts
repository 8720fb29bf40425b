/** The `LOG_FORMAT` setting: `auto` is pretty in a terminal and JSON otherwise. */
export type LogFormatSetting = 'auto' | 'json' | 'pretty';

/** Settles `auto`: pretty only when the output is a terminal, so pipes, CI and containers get one JSON object a line. */
export function chooseLogFormat(setting: LogFormatSetting | undefined, output: { readonly isTTY?: boolean }): 'json' | 'pretty' {
	if (setting === 'json' || setting === 'pretty') return setting;
	return output.isTTY === true ? 'pretty' : 'json';
}

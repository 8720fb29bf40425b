import { z } from 'zod';

/** A pino JSON line as the formatter reads it: the fields it needs, anything else kept. */
export const logEntrySchema = z.looseObject({
	level: z.number(),
	time: z.number().optional(),
	name: z.string().optional(),
	msg: z.string().optional(),
});

/** One parsed log line. */
export type LogEntry = z.infer<typeof logEntrySchema>;

/** Options of {@link formatLogLine}. */
export interface FormatLogLineOptions {
	/** ANSI colours, for a terminal that shows them. */
	readonly color: boolean;
	/** Width the app name is padded to, so messages line up. */
	readonly nameWidth?: number;
}

const levels: Readonly<Record<number, { label: string; color: string }>> = {
	10: { label: 'TRACE', color: '90' },
	20: { label: 'DEBUG', color: '34' },
	30: { label: 'INFO ', color: '32' },
	40: { label: 'WARN ', color: '33' },
	50: { label: 'ERROR', color: '31' },
	60: { label: 'FATAL', color: '97;41' },
};
const nameColors = ['36', '35', '34', '33', '32', '96', '95', '94'];
// Every line carries these; the time, name, level and message columns already show the rest of them.
const hiddenFields = new Set(['level', 'time', 'name', 'msg', 'pid', 'hostname', 'v']);
const errorFields = new Set(['err', 'error']);
const maxFields = 6;
const maxValueLength = 80;
const maxStackLines = 12;

/** Renders one log entry as a readable line: time, app, level, message and a few `key=value` fields; an error's stack below it. */
export function formatLogLine(entry: LogEntry, options: FormatLogLineOptions): string {
	const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
	const level = levels[entry.level] ?? { label: `L${entry.level}`.padEnd(5), color: '0' };
	const name = (entry.name ?? '-').padEnd(options.nameWidth ?? 15);
	const head = `${paint('2', clock(entry.time ?? Date.now()))} ${paint(nameColor(entry.name ?? '-'), name)} ${paint(level.color, level.label)}`;
	const message = entry.level >= 50 ? paint('31', entry.msg ?? '') : (entry.msg ?? '');
	const fields: string[] = [];
	const stacks: string[] = [];
	const rest = Object.entries(entry).filter(([key, value]) => !hiddenFields.has(key) && value !== undefined);
	for (const [key, value] of rest.slice(0, maxFields)) {
		if (errorFields.has(key) && isErrorLike(value)) {
			fields.push(`${key}=${value.type ?? 'Error'}: ${value.message ?? ''}`);
			if (entry.level >= 50 && typeof value.stack === 'string') stacks.push(...value.stack.split('\n').slice(1, maxStackLines + 1));
		} else {
			fields.push(`${key}=${renderValue(value)}`);
		}
	}
	if (rest.length > maxFields) fields.push(`+${rest.length - maxFields} more`);
	const tail = fields.length > 0 ? `  ${paint('2', fields.join(' '))}` : '';
	const indent = ' '.repeat(13);
	const body = `${head} ${message.replace(/\n/g, `\n${indent}`)}${tail}`;
	return stacks.length === 0 ? body : `${body}\n${stacks.map((line) => paint('2', `${indent}${line.trim()}`)).join('\n')}`;
}

function clock(time: number): string {
	const date = new Date(time);
	const two = (value: number) => String(value).padStart(2, '0');
	return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function nameColor(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return nameColors[hash % nameColors.length] ?? '36';
}

function isErrorLike(value: unknown): value is { type?: string; message?: string; stack?: unknown } {
	return typeof value === 'object' && value !== null && ('message' in value || 'stack' in value);
}

function renderValue(value: unknown): string {
	const text = typeof value === 'string' && /^[^\s"=]*$/.test(value) && value.length > 0 ? value : (JSON.stringify(value) ?? String(value));
	return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

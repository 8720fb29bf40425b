import { Job, type JobJson, type JobProgress } from 'bullmq';
import { unreadableJobDataKey } from './unreadableJobData.js';

/**
 * A BullMQ job that survives stored `data` that is not valid JSON (a bad producer or a corrupted write): the data becomes
 * `{ __unreadableJobData: <the parse error> }`, which `parseJobData` refuses as unrecoverable, so the job fails for good
 * instead of throwing inside BullMQ (where it would stay active and be retried forever).
 */
export class CharbotJob<DataType = unknown, ReturnType = unknown, NameType extends string = string, ProgressType extends JobProgress = JobProgress> extends Job<
	DataType,
	ReturnType,
	NameType,
	ProgressType
> {
	public static override fromJSON<T = unknown, R = unknown, N extends string = string>(
		queue: Parameters<typeof Job.fromJSON>[0],
		json: JobJson,
		jobId?: string,
	): Job<T, R, N> {
		try {
			return super.fromJSON<T, R, N>(queue, json, jobId);
		} catch (error) {
			const unreadable = dataParseError(json.data);
			if (unreadable === undefined) throw error;
			return super.fromJSON<T, R, N>(queue, { ...json, data: JSON.stringify({ [unreadableJobDataKey]: unreadable }) }, jobId);
		}
	}
}

// Only the data is replaced: any other unreadable field is BullMQ's to report.
function dataParseError(data: string | undefined): string | undefined {
	try {
		JSON.parse(data || '{}');
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

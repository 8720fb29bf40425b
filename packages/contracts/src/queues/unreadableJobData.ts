/** The key under which {@link CharbotJob} keeps why a job's stored `data` could not be read (it replaces the data). */
export const unreadableJobDataKey = '__unreadableJobData';

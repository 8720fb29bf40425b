import type { EvalReport } from './EvalReport.js';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ratio = (value: number): string => value.toFixed(3);

/** A person's view of an evaluation: the figures first, then each category and scorer, then every misjudged line. */
export function formatEvalReport(name: string, report: EvalReport, options: { readonly showRepairs?: boolean } = {}): string {
	const { overall } = report;
	const lines = [
		`# ${name}: ${report.lines} replies`,
		`fail  precision ${ratio(overall.precision)}  recall ${ratio(overall.recall)}  F1 ${ratio(overall.f1)}`,
		`      caught ${overall.truePositives}, missed ${overall.falseNegatives}, false alarms ${overall.falsePositives}, passed ${overall.trueNegatives}`,
		`time  ${report.msPerReply.toFixed(3)} ms per reply`,
		`repair  ${report.repair.repaired} of ${overall.truePositives} caught fails repaired into a passing reply`,
		'',
		'category                 label  count  right',
	];
	for (const category of report.byCategory) {
		lines.push(
			`${category.category.padEnd(24)} ${category.label.padEnd(5)} ${String(category.count).padStart(6)} ${percent(category.correct / category.count).padStart(6)}`,
		);
	}
	lines.push('', 'scorer                   fired  on fails');
	for (const scorer of report.byScorer) {
		lines.push(`${scorer.kind.padEnd(24)} ${String(scorer.fired).padStart(5)} ${percent(scorer.onFails / scorer.fired).padStart(9)}`);
	}
	lines.push('', report.misjudged.length === 0 ? 'misjudged: none' : `misjudged (${report.misjudged.length}):`);
	for (const wrong of report.misjudged) {
		const verdict = wrong.label === 'fail' ? 'MISSED' : 'FALSE ALARM';
		lines.push(`- ${verdict} ${wrong.id} (line ${wrong.line}, ${wrong.character}, ${wrong.category}, score ${wrong.score}): ${JSON.stringify(wrong.reply)}`);
		for (const reason of wrong.reasons) lines.push(`    ${reason}`);
	}
	if (options.showRepairs === true) {
		lines.push('', 'repairs:');
		for (const repair of report.repair.examples) lines.push(`- ${repair.id}: ${JSON.stringify(repair.before)}`, `  → ${JSON.stringify(repair.after)}`);
	}
	return `${lines.join('\n')}\n`;
}

// The platform launcher arrives with the pipeline issue; until then `npm start` says what exists.
process.stdout.write(
	[
		'charbot: the full platform launcher (gateway, message-router, quality-control) is not built yet.',
		'What runs today:',
		'  npm run sim        the Ollama API simulator',
		'  npm run emulator   the local Discord emulator and its playground page',
		'  npm run characters -- lint   check the persona files',
		'  npm test           the test suite',
		'',
	].join('\n'),
);

/** The `qc` command's help text. */
export const cliHelp = `Usage: npm run qc -- score <file.jsonl>

Scores candidate replies with quality control's rule-based scorers, using the personas in CHARACTERS_DIR
(default characters/) and the default channel settings. The LLM judge is not used.

Each input line is a JSON object:
  {"character": "peter", "reply": "Heh heh heh...", "history": ["an earlier reply of Peter", {"author": "Meg", "content": "Dad?"}]}
  history (optional, oldest first): a string is one of the character's own earlier replies (for the repetition
  check); an object {author?, characterId?, content} is another member's or character's message.

Output: one JSON line per input line on stdout, {"line", "score", "verdict", "reasons"}.
A bad line prints "line N: field: problem" on stderr and the others go on; the exit code is then 1.

Options:
  --characters <dir>  persona folder instead of CHARACTERS_DIR
  -h, --help          this text
`;

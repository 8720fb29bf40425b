/** The `qc` command's help text. */
export const cliHelp = `Usage: npm run qc -- score <file.jsonl>
       npm run qc -- eval [file.jsonl ...] [--json] [--repairs]

score  Scores candidate replies with quality control's rule-based scorers, using the personas in CHARACTERS_DIR
       (default characters/) and the default channel settings. The LLM judge is not used.

       Each input line is a JSON object:
         {"character": "peter", "reply": "Heh heh heh...", "history": ["an earlier reply of Peter", {"author": "Meg", "content": "Dad?"}]}
         history (optional, oldest first): a string is one of the character's own earlier replies (for the repetition
         check); an object {author?, characterId?, content} is another member's or character's message.

       Output: one JSON line per input line on stdout, {"line", "score", "verdict", "reasons"}.
       A bad line prints "line N: field: problem" on stderr and the others go on; the exit code is then 1.

eval   Measures the scorers on labeled replies: precision, recall and F1 of "fail", overall and per category,
       how often each scorer fired on real failures, the misjudged lines, how many caught failures repair turns
       into a passing reply, and the time per reply. Without a file, evaluates the shipped corpus
       (apps/quality-control/corpus/dev.jsonl and heldout.jsonl), each on its own.

       Each line is a score line with an id, a label and a category:
         {"id": "d0001", "character": "peter", "message": "Peter, dinner?", "reply": "...", "label": "fail", "category": "loop"}

Options:
  --characters <dir>  persona folder instead of CHARACTERS_DIR
  --json              eval: one JSON report per file instead of text
  --repairs           eval: also list every repaired reply, before and after
  -h, --help          this text
`;

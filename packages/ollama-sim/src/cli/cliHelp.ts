/** The text of `ollama-sim --help`. */
export const cliHelp = `ollama-sim: an Ollama (and OpenAI-compatible) API simulator. Replies are SIMULATED text, not a language model.

Usage: ollama-sim [flags]

Host
  --port <n>                      Port to listen on (default 11434; 0 = a free one)
  --host <addr>                   Address to bind (default 127.0.0.1; :: for dual-stack)
  --name <name>                   Name in the banner and /api/version (default ollama-sim)
  --models <a,b=40,...>           Models it has; name=N gives one its own tokens/s (default llama3.2:1b)
  --api <both|openai>             both: /api/* and OpenAI's /v1/*, as Ollama serves (default); openai: vLLM-like,
                                  /v1/*, /health and /metrics only, prompts beyond the context length refused (400)
  --api-key <key>                 Require Authorization: Bearer <key> on /v1/* and /metrics (401 otherwise);
                                  the key is never printed, but process lists show command lines

Performance
  --parallel <n>                  Parallel slots per loaded model, like OLLAMA_NUM_PARALLEL (default 1)
  --max-queue <n>                 Waiting requests before 503 (429 on /v1), like OLLAMA_MAX_QUEUE (default 512)
  --tokens-per-second <n>         Generation speed per request (default 65)
  --prompt-tokens-per-second <n>  Prompt evaluation speed (default 2900)
  --ttft-ms <n>                   Fixed latency before the first token (default 20)
  --load-ms <n>                   Cold load time of a model (default 1500)
  --keep-alive <d>                Idle time before unload: seconds, 5m, 1h; --keep-alive=-1 = forever (default 5m)
  --preloaded                     Start with every model loaded
  --preload <a,b>                 Start with these models loaded
  --reply-tokens <n>              Length of generated replies (default 40)
  --num-ctx <n>                   Context length when a request gives none (default 4096)
  --pull-ms <n>                   Time /api/pull takes (default 1000)

Faults (change them later with POST /_sim/behavior)
  --fault <kind>                  none, refuse, hang, http500, http503, http429, midstream, abrupt-close
  --fault-rate <0..1>             Share of requests hit, spread evenly (default 1)
  --fault-scope <inference|all>   Hit chat/generate/embed only (default) or every /api route
  --retry-after <s>               Retry-After seconds of http429 and of /v1's queue-full 429 (default 1)
  --slow <factor>                 Multiply every delay (default 1)
  --forget <a,b>                  Models that vanish (404) until pulled again

Sloppy replies, like small chat models write (change them later with POST /_sim/behavior)
  --sloppy <0..1>                 Share of chat/generate replies without format given one failure, spread evenly (default 0)
  --sloppy-kinds <a,b>            Failures to take turns with (default all): assistant-frame, ooc-note,
                                  template-tokens, own-label, mass-mention, disclaimer, refusal, script,
                                  assistant-format, loop, wiki-voice, prompt-echo

  -h, --help                      Show this help

Control: GET /_sim lists the control endpoints (stats, behavior, sloppy, scripts, digest).`;

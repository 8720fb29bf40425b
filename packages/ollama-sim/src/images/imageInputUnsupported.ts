/** What llama-server says when a model without a vision projector is sent images. */
export const imageInputUnsupportedMessage = 'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj';

/**
 * Ollama's error text for images sent to a model without a vision projector: its runner, llama-server, answers
 * 500 with this body and Ollama passes the body on verbatim as the error (llm/llama_server.go `statusErrorMessage`).
 */
export const imageInputUnsupported = JSON.stringify({
	error: { code: 500, message: imageInputUnsupportedMessage, type: 'server_error' },
});

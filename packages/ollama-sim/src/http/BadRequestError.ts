/** A request body Ollama would refuse with 400; the message is worded as Ollama's Go server words it. */
export class BadRequestError extends Error {
	public constructor(message: string) {
		super(message);
		this.name = 'BadRequestError';
	}
}

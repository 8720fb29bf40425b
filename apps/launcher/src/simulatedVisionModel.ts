/** The vision model `npm start` gives the apps (`OLLAMA_VISION_MODEL`) when it runs the Ollama simulator and none is set. */
export const simulatedVisionModel = 'llava:7b';

/** The door to members' images: fetched from Discord's CDN within hard limits and normalised for a vision model. */
export { fetchImages } from './fetchImages.js';
export { DefaultImageLimits, type ImageLimits } from './limits/ImageLimits.js';
export type { ImageOutcome, ImageRefusalCode, SeenImage } from './outcomes/ImageOutcome.js';

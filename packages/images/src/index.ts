/** The door to members' images: fetched from Discord's CDN within hard limits and normalised for a vision model. */
export { sniffImageType } from './decode/sniffImageType.js';
export { type DownloadLimits, type DownloadOutcome, downloadLimited } from './download/downloadLimited.js';
export { fetchImages } from './fetchImages.js';
export { DefaultImageLimits, type ImageLimits } from './limits/ImageLimits.js';
export type { ImageOutcome, ImageRefusalCode, ImageSource, ImageType, RefusedImage, SeenImage } from './outcomes/ImageOutcome.js';
export { formatBytes } from './text/formatBytes.js';

import type { SeededRandom } from './seededRandom.js';

const openers = {
	casual: ['Whoa, look at that picture!', 'Ha, nice picture!', 'Hold on, a picture?', 'Oh, you brought a picture!'],
	formal: ['What a striking picture.', 'How kind of you to show me this.', 'A picture, how delightful.', 'Let me take a proper look at this.'],
} as const;

/**
 * The line a simulated character opens with when the request carried images: a remark on the picture in the
 * character's register, and how many images the simulator saw, e.g. `Ha, nice picture! (The simulator saw 1 image.)`.
 */
export function remarkOnPictures(imageCount: number, register: 'casual' | 'formal', random: SeededRandom): string {
	const opener = random.pick(openers[register]) ?? openers[register][0];
	return `${opener} (The simulator saw ${imageCount} ${imageCount === 1 ? 'image' : 'images'}.)`;
}

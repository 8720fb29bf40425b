/** The sentence a simulated vision reply opens with, naming how many images it saw: `I saw 2 images.` */
export function describeImagesSeen(count: number): string {
	return `I saw ${count} ${count === 1 ? 'image' : 'images'}.`;
}

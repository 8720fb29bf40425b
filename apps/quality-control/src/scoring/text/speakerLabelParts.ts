/** Opening of a speaker label: quote marks, list bullets and markdown around it are still a label. */
export const labelStart = String.raw`^[ \t>*_~\-•]*(?:\[[^\]\n]{1,20}\][ \t]*)?[\[<]?[ \t*_]*`;
/** Its end: an optional bracket, stage direction and markdown, then the colon (never `://` or a clock time). */
export const labelEnd = String.raw`[ \t*_]*[\]>]?[ \t*_]*(?:\([^)\n]{0,40}\))?[ \t*_]*(?::(?!\/\/|[ \t]*\d)|(?<=>))`;

/**
 * Categorical colours for maps (Okabe–Ito, distinguishable with common colour-vision
 * deficiencies). Categories are always named in a legend or text as well.
 */
export const CATEGORY_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#999999",
] as const;

/** Fill for areas without data or not in focus. */
export const NEUTRAL_FILL = "#e8ebf0";

/** Fill for areas in focus (e.g. members of a provider). */
export const FOCUS_FILL = "#0072B2";

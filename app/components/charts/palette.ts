// Colours for chart marks: each has at least 3:1 contrast against the white page, and each
// series also differs by position (fixed stacking order), dash pattern or marker shape, so
// colour is never the only cue. The tables beside the charts carry every number.
export const SERIES_COLOURS = [
  '#0b5cad', // blue
  '#b35900', // amber-brown
  '#1d7a35', // green
  '#5c3c92', // purple
  '#b3261e', // red
  '#5f6b78', // slate
] as const

export const AXIS_COLOUR = '#4a5360'
export const GRID_COLOUR = '#c9d0d8'

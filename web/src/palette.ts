// Colours of the network's communities, in the order of their ids (0 the largest): each at least 4.5:1
// against white, so a node and its legend swatch stay visible (WCAG 1.4.11 asks 3:1). Communities past
// the palette share the last colour, and the legend says so.
export const COMMUNITY_COLOURS = ['#0b4f8a', '#9b1c1c', '#2f6b2f', '#8a4b00', '#6b2d8a', '#00666b', '#8a2d5c', '#595959'] as const;

export const communityColour = (id: number): string => COMMUNITY_COLOURS[Math.min(Math.max(id, 0), COMMUNITY_COLOURS.length - 1)]!;

// How deeply the JSON a request brings (its variables and extensions) may nest. graphql-js coerces a
// variable by recursion, so a value nested a few thousand levels deep (9 kB of `[[[…]]]`, even for a
// variable the operation never uses) overflowed the stack and answered 500 with nothing logged. Measured
// here without recursion, before anything else walks it, and refused as bad input.
import { ApiError } from '../errors.js';

/** Far deeper than any input type of the schema nests (the deepest, a filter in a filter, is 4 levels). */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a parsed JSON value, walked with a stack of its own (no recursion). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (level > MAX_JSON_DEPTH) return level;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}

/** The nesting depth of JSON text, from its brackets outside strings: for what a GET carries unparsed. */
export function depthOfText(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

export const tooDeep = (depth: number) =>
  new ApiError('BAD_USER_INPUT', `The request's JSON nests ${depth > MAX_JSON_DEPTH ? `more than ${MAX_JSON_DEPTH}` : depth} levels deep; at most ${MAX_JSON_DEPTH} are allowed.`, {
    maxDepth: MAX_JSON_DEPTH,
  });

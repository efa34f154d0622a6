// The settings the learning-partner ranking's training and evaluation share (the peers' seed and folds, so a
// take-up is held out in the same fold as the link fact it is).
import { EVAL_SETTINGS } from './discovery-settings.js';

export const LEARNING_SETTINGS = {
  seed: `${EVAL_SETTINGS.seed}:learning`,
  folds: EVAL_SETTINGS.folds,
  innerFolds: EVAL_SETTINGS.innerFolds,
  penalties: [0.01, 0.1, 1, 10],
} as const;

/**
 * The one rule for a training mean too near zero for a percentage change to
 * mean anything (a % of a near-zero mean measures the distance from zero, not
 * the move of the distribution): the mean is exactly 0, or strictly less than
 * `minAbsMeanInSd` training SDs from 0. A mean exactly `minAbsMeanInSd` SDs
 * away is not near zero. The Drift page, the Monitoring page, the retraining
 * triggers and the monitoring spec all call this function, with the one
 * setting config.monitoring.minAbsMeanInSd, so they cannot disagree.
 */
export function isNearZeroMean(trainMean: number, trainSd: number, minAbsMeanInSd: number): boolean {
  return trainMean === 0 || Math.abs(trainMean) < minAbsMeanInSd * trainSd;
}

/** The rule in words, for the pages and the spec (the same words everywhere). */
export function nearZeroMeanRule(minAbsMeanInSd: number): string {
  return `the training mean is 0, or |training mean| < ${minAbsMeanInSd} × training SD (strictly: a mean exactly ${minAbsMeanInSd} SD from 0 is not near zero)`;
}

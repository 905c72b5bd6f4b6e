/** How often triggered retraining would have run over the replayed days, and per year. */
export interface TriggerFrequency {
  /** Days on which at least one trigger could be judged. */
  evaluated_days: number;
  /** Days on which a trigger fired. */
  held_days: number;
  /** Runs of consecutive firing days (unjudged days neither end nor start one). */
  episodes: number;
  /** After a retrain, the triggers wait this long: the trailing window must fill with the new model's predictions. */
  cooldown_days: number;
  /** Retrains if each retrain cures its episode: one at each episode's start, at most one per cool-down. */
  retrains_low: string[];
  /** Retrains if retraining does not remove the cause: again whenever the cool-down ends and a trigger still fires. */
  retrains_high: string[];
  per_year_low: number | null;
  per_year_high: number | null;
}

const daysPerYear = 365;

/**
 * Triggered retrains over a replay, and the yearly rate they extrapolate to:
 * retrains × 365 / days judged, capped at one per cool-down (a short window
 * counts its first retrain in full, which no year could repeat more often).
 */
export function triggerFrequency(fired: readonly (boolean | null)[], dates: readonly string[], cooldownDays: number): TriggerFrequency {
  let evaluated = 0;
  let held = 0;
  let episodes = 0;
  let inEpisode = false;
  const low: string[] = [];
  const high: string[] = [];
  let lastLow = -Infinity;
  let lastHigh = -Infinity;
  fired.forEach((f, i) => {
    if (f === null) return;
    ++evaluated;
    if (!f) {
      inEpisode = false;
      return;
    }
    ++held;
    const starts = !inEpisode;
    inEpisode = true;
    if (starts) ++episodes;
    if (starts && i - lastLow >= cooldownDays) {
      low.push(dates[i]);
      lastLow = i;
    }
    if (i - lastHigh >= cooldownDays) {
      high.push(dates[i]);
      lastHigh = i;
    }
  });
  const cap = daysPerYear / cooldownDays;
  const rate = (n: number) => (evaluated === 0 ? null : Math.min((n * daysPerYear) / evaluated, cap));
  return {
    evaluated_days: evaluated,
    held_days: held,
    episodes,
    cooldown_days: cooldownDays,
    retrains_low: low,
    retrains_high: high,
    per_year_low: rate(low.length),
    per_year_high: rate(high.length),
  };
}

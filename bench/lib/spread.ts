/**
 * How sure a difference of two medians is: a percentile bootstrap (Efron & Tibshirani, "An
 * Introduction to the Bootstrap", ch. 13), so a publish overhead is printed with the interval
 * the noise allows, not as one number that noise may have made. Pure and seeded: the same times
 * give the same interval.
 */
import { random } from './synthetic';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export type Interval = { estimate: number; low: number; high: number };

/** median(a) − median(b), with the central `confidence` share of its bootstrap distribution. */
export function medianDifference(a: number[], b: number[], { resamples = 2000, confidence = 0.95, seed = 11 } = {}): Interval {
  if (a.length === 0 || b.length === 0) return { estimate: NaN, low: NaN, high: NaN };
  const next = random(seed);
  const resample = (values: number[]) => Array.from({ length: values.length }, () => values[Math.floor(next() * values.length)]);
  const differences = Array.from({ length: resamples }, () => median(resample(a)) - median(resample(b))).sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  const at = (share: number) => differences[Math.min(resamples - 1, Math.max(0, Math.round(share * (resamples - 1))))];
  return { estimate: median(a) - median(b), low: at(tail), high: at(1 - tail) };
}

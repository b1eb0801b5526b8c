import { medianDifference } from '../../../../bench/lib/spread';

describe('the difference of two medians, with its bootstrap interval', () => {
  test('a clear difference has an interval around it that excludes zero', () => {
    const slow = Array.from({ length: 40 }, (_, i) => 30 + (i % 5));
    const fast = Array.from({ length: 40 }, (_, i) => 20 + (i % 5));
    const { estimate, low, high } = medianDifference(slow, fast);
    expect(estimate).toBe(10);
    expect(low).toBeGreaterThan(7);
    expect(high).toBeLessThan(13);
    expect(low).toBeLessThanOrEqual(estimate);
    expect(high).toBeGreaterThanOrEqual(estimate);
  });

  test('noise larger than the difference gives an interval that spans zero', () => {
    const noisy = (offset: number) => Array.from({ length: 20 }, (_, i) => offset + ((i * 37) % 41));
    const { low, high } = medianDifference(noisy(1), noisy(0));
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
  });

  test('is the same for the same times, and empty input gives no figure', () => {
    const a = [5, 7, 9, 11];
    const b = [4, 4, 6, 8];
    expect(medianDifference(a, b)).toEqual(medianDifference(a, b));
    expect(medianDifference([], b).estimate).toBeNaN();
  });
});

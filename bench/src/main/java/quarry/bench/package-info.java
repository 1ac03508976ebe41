/** Benchmarks: each {@code *Bench} main class prints its own figures and ratios. */
package quarry.bench;

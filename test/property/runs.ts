// How many cases each property runs in the test suite: few, to keep `npm test` fast (the long
// campaigns are `npm run fuzz`). PLAINWORDS_PROPERTY_RUNS raises it for a local deep run.
export function suiteRuns(cost: number): number {
  const base = Number(process.env.PLAINWORDS_PROPERTY_RUNS) || 60;
  return Math.max(10, Math.round(base / cost));
}

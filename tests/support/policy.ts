/** A Content-Security-Policy string as a map from directive name to its sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

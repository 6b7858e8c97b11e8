/** Refuses a seed file that would put nonsense in the database, naming the record. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`seed: ${message}`);
}

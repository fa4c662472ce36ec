/** Which group an event's actor belongs to: the timeline's shape encoding, shared by the scene (its legend) and the marks. */

export type ActorGroup = 'israel' | 'us' | 'iran-allies' | 'other';

/** Which group an actor string belongs to, for the timeline's shape encoding. */
export function actorGroup(actor: string): ActorGroup {
  if (/israel/i.test(actor)) return 'israel';
  if (/united states|\bUS\b|U\.S\./i.test(actor)) return 'us';
  if (/iran|hezbollah|irgc|quds|syria/i.test(actor)) return 'iran-allies';
  return 'other';
}

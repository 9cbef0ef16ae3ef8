/**
 * Text read by the parser a batch at a time: each parse has a fixed cost (the tokenizer built from
 * its extensions), and past a few kilobytes the parser grows slower per byte.
 */

/** Characters read in one parse: neighbours are read together up to this; a larger item is a batch of its own. */
export const batchCharacters = 8 * 1024

/** `items` in order, in runs of at most `batchCharacters` (by `size`), each run at least one item. */
export function* batches<T>(items: T[], size: (item: T) => number): Generator<T[]> {
  let batch: T[] = []
  let total = 0
  for (const item of items) {
    if (batch.length > 0 && total + size(item) > batchCharacters) {
      yield batch
      batch = []
      total = 0
    }
    batch.push(item)
    total += size(item)
  }
  if (batch.length > 0) yield batch
}

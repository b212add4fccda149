/**
 * A string-keyed cache that forgets everything once it holds `limit` entries: repeated work on the
 * same text is shared, while memory stays bounded whatever the input.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly limit: number) {}

  /** The value cached under `key`; on a miss, `create`s it and keeps it. */
  get(key: string, create: () => Value): Value {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) return cached!;
    if (this.entries.size >= this.limit) this.entries.clear();
    const value = create();
    this.entries.set(key, value);
    return value;
  }
}
